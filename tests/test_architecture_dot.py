"""Golden DOT for the article's models, label callbacks, escaping, and rendering with dot."""

from __future__ import annotations

import html
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from triglot.architecture.dot import Labels, component_view, quote, sequence_view
from triglot.architecture.executor import Simulation

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "architecture"
JA = {
    "http-sys": "HTTP.SYS",
    "w3wp-exe": "w3wp.exe",
    "kernel-mode": "カーネル モード",
    "user-mode": "ユーザー モード",
    "dotnet-runtime": ".NET ランタイム",
    "health-monitoring": "正常性の監視",
    "named-pipe": "名前付きパイプ",
    "aspnet-isapi-dll": 'aspnet_isapi.dll "C:\\Windows" <&>',
}
JA_MESSAGES = {
    "in-process call": "インプロセス呼び出し",
    "kernel queue": "カーネル キュー",
    "restarts": "再起動",
    "IIS5 (low isolation)": "IIS5 (低分離)",
}


def iis():
    spec = importlib.util.spec_from_file_location("iis_dot", REPO / "docs/architecture/iis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def views() -> dict[str, str]:
    models = iis()
    ja = Labels(JA.get, lambda concept: f"glossary.html#{concept}" if concept in JA else None,
                lambda message: JA_MESSAGES.get(message, message))
    trace6 = Simulation(models.IIS6).run("GET /app1/default.aspx")
    return {
        "figure2.dot": component_view([models.IIS5, models.IIS6]),
        "figure2.ja.dot": component_view([models.IIS5, models.IIS6], ja),
        "iis6-app1.dot": sequence_view(trace6),
        "iis5-app1.ja.dot": sequence_view(
            Simulation(models.IIS5).run("GET /app1/default.aspx"), ja
        ),
    }


@pytest.mark.parametrize("name", sorted(views()))
def test_golden_dot(name):
    produced = views()[name]
    golden = DATA / name
    if os.environ.get("TRIGLOT_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_output_does_not_depend_on_hash_order(seed):
    # String hashing (set and dict order of names) varies between processes, not within one.
    code = "import json, test_architecture_dot as t; print(json.dumps(t.views()))"
    run = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent,
                         env={**os.environ, "PYTHONHASHSEED": seed},
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == views()


def test_labels_fall_back_to_names_and_links_follow_the_callback():
    dot = views()["figure2.ja.dot"]
    assert 'label="カーネル モード"' in dot
    assert 'label="aspnet_isapi.dll \\"C:\\\\Windows\\" &lt;&amp;&gt;"' in dot
    assert 'URL="glossary.html#http-sys"' in dot
    assert 'label="inetinfo.exe"' in dot  # no label given: the component's own name
    assert 'URL="glossary.html#inetinfo-exe"' not in dot


def test_other_words_go_through_the_message_callback():
    dot = views()["figure2.ja.dot"]
    assert 'label="IIS5 (低分離)"' in dot and 'label="IIS6"' in dot
    assert dot.count('label="カーネル キュー"') == 3
    assert "in-process call" not in dot and "kernel queue" not in dot


def test_health_monitor_restarts_each_pool():
    dot = views()["figure2.dot"]
    restarts = [line for line in dot.splitlines() if 'class="triglot-lifecycle"' in line]
    assert [line.split()[0] for line in restarts] == [
        '"m1:DefaultAppPool/runtime"', '"m1:AppPool1/runtime"', '"m1:AppPool2/runtime"'
    ]
    assert all('-> "m1:monitor"' in line and 'label="restarts"' in line and 'dir="back"' in line
               for line in restarts)
    assert 'ltail="cluster_m1_p_AppPool1"' in restarts[1]
    assert "restarts" not in views()["figure2.ja.dot"].split("cluster_m1")[0]  # IIS5: none


def test_quote_escapes_for_graphviz():
    assert quote('say "hi" \\ <b> & 日本語\nnext') == (
        '"say \\"hi\\" \\\\ &lt;b&gt; &amp; 日本語\\nnext"'
    )


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_dot_renders_escaped_japanese_labels_as_written():
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=views()["figure2.ja.dot"].encode(), capture_output=True,
        check=True,
    ).stdout.decode()
    assert "カーネル モード" in svg
    assert 'aspnet_isapi.dll &quot;C:\\Windows&quot; &lt;&amp;&gt;' in svg
    sequence = subprocess.run(
        ["dot", "-Tsvg"], input=views()["iis6-app1.dot"].encode(), capture_output=True,
        check=True,
    ).stdout.decode()
    # Graphviz writes "-" in ids as &#45;, which HTML and XML parsers read back as "-".
    assert 'id="seq-hop-1" class="edge triglot-hop"' in html.unescape(sequence)
