"""How IIS5 and IIS6 hand a request to ASP.NET, as the article describes them.

Content, not code: each model follows the article's text, and ``CLAIMS`` states the
article's sentences as assertions that the build checks against the models. Concept ids
name glossary entries, so diagrams are labelled in the page's language.

Models: ``IIS5`` (low isolation), ``IIS5_MEDIUM``, ``IIS5_HIGH`` and ``IIS6``; on the
command line, ``docs/architecture/iis.py:IIS6``. The words the diagrams show that are not
glossary terms are marked ``N_`` and translated in ``locales/<lang>/LC_MESSAGES/iis.po``.
"""

from __future__ import annotations

from triglot.architecture import claims
from triglot.architecture.model import (
    FIRST_REQUEST,
    IN_PROCESS,
    KERNEL_QUEUE,
    N_,
    NAMED_PIPE,
    ChannelKind,
    Model,
)

# IIS5 reaches an out-of-process ISAPI host through COM+ (the article contrasts it with IIS6).
COM_PLUS = ChannelKind("com-plus", N_("COM+ call"))

APPS = ("/app1", "/app2")
ASPX = ".aspx"
IIS5_NAMES = {
    "low": N_("IIS5 (low isolation)"),
    "medium": N_("IIS5 (medium isolation)"),
    "high": N_("IIS5 (high isolation)"),
}


def iis5(isolation: str) -> Model:
    """IIS5 at isolation ``low`` (ISAPI in inetinfo.exe), ``medium`` or ``high``."""
    model = Model(IIS5_NAMES[isolation], user_concept="user-mode")
    inetinfo = model.process("inetinfo", name="inetinfo.exe", concept="inetinfo-exe", serves=True)
    worker = model.process(
        "aspnet_wp", name="aspnet_wp.exe", concept="aspnet-wp-exe", start=FIRST_REQUEST,
    )
    runtime = worker.module("runtime", name=".NET runtime", concept="dotnet-runtime", serves=True)
    model.entry(inetinfo)
    if isolation == "low":
        hosts = {app: inetinfo for app in APPS}
    elif isolation == "medium":
        pooled = model.process("dllhost", name="dllhost.exe", concept="worker-process",
                               detail=N_("pooled"))
        hosts = {app: pooled for app in APPS}
    else:
        hosts = {
            app: model.process(f"dllhost{app}", name="dllhost.exe", concept="worker-process",
                               detail=app)
            for app in APPS
        }
    for app, host in hosts.items():
        isapi_id = "aspnet_isapi" if host is inetinfo or isolation == "medium" else \
            f"aspnet_isapi{app}"
        if isapi_id not in model.components:
            isapi = host.module(isapi_id, name="aspnet_isapi.dll", concept="aspnet-isapi-dll")
            model.route(isapi, runtime, NAMED_PIPE)
        channel = IN_PROCESS if host is inetinfo else COM_PLUS
        model.route(inetinfo, isapi_id, channel, extension=ASPX, path=app, concept="script-map")
    for app in APPS:
        model.request("GET", f"{app}/default.aspx")
    return model.request("GET", "/index.html")


def iis6() -> Model:
    """IIS6: HTTP.SYS queues requests to application pools, one w3wp.exe each."""
    model = Model("IIS6", kernel_concept="kernel-mode", user_concept="user-mode")
    http_sys = model.driver("http.sys", name="HTTP.SYS", concept="http-sys")
    inetinfo = model.process("inetinfo", name="inetinfo.exe", concept="inetinfo-exe")
    monitor = inetinfo.module("monitor", name="health monitoring", concept="health-monitoring")
    model.entry(http_sys)
    # The web site's default pool, then one pool per application (per virtual path).
    for pool, path in (("DefaultAppPool", "/"), ("AppPool1", "/app1"), ("AppPool2", "/app2")):
        w3wp = model.process(
            pool, name="w3wp.exe", concept="w3wp-exe", detail=f"{pool} {path}", serves=True,
            restarted_by=monitor,
        )
        isapi = w3wp.module(f"{pool}/aspnet_isapi", name="aspnet_isapi.dll",
                            concept="aspnet-isapi-dll")
        runtime = w3wp.module(f"{pool}/runtime", name=".NET runtime", concept="dotnet-runtime",
                              serves=True)
        model.route(w3wp, isapi, IN_PROCESS, extension=ASPX, concept="script-map")
        model.route(isapi, runtime, IN_PROCESS)
    # Rules are tried in order: the most specific virtual path first.
    for pool, path in (("AppPool1", "/app1"), ("AppPool2", "/app2"), ("DefaultAppPool", "/")):
        model.route(http_sys, pool, KERNEL_QUEUE, path=path)
    for app in APPS:
        model.request("GET", f"{app}/default.aspx")
    return model.request("GET", "/index.html")


IIS5 = iis5("low")
IIS5_MEDIUM = iis5("medium")
IIS5_HIGH = iis5("high")
IIS6 = iis6()

APP1 = "GET /app1/default.aspx"
APP2 = "GET /app2/default.aspx"

CLAIMS = [
    claims.in_process(
        "At low isolation, IIS5 hosts aspnet_isapi.dll in the inetinfo.exe process.",
        IIS5, "inetinfo", "aspnet_isapi", APP1,
        sentence="In IIS5, aspnet_isapi.dll is hosted directly in the inetinfo.exe process.",
    ),
    claims.in_process(
        "At medium isolation, IIS5 hosts aspnet_isapi.dll in a separate worker process.",
        IIS5_MEDIUM, "dllhost", "aspnet_isapi", APP1,
        sentence="If you set the isolation level of the Web site or virtual directory to "
        "medium or high, it will be hosted in a separate (isolated) worker process of IIS.",
    ),
    claims.started_on_first_request(
        "In IIS5, the first ASP.NET request starts aspnet_wp.exe.",
        IIS5, "aspnet_wp", APP1,
        sentence="When the first ASP.NET request comes, the DLL (aspnet_isapi.dll) will start "
        "another new process aspnet_wp.exe and route the request to this process for "
        "processing.",
    ),
    claims.served_in(
        "In IIS5, even at high isolation, every application runs in the one aspnet_wp.exe.",
        IIS5_HIGH, "aspnet_wp", APP1, APP2,
        sentence="When the first ASP.NET request comes, the DLL (aspnet_isapi.dll) will start "
        "another new process aspnet_wp.exe and route the request to this process for "
        "processing.",
    ),
    claims.crosses(
        "In IIS5, every ASP.NET request crosses a named pipe.",
        IIS5, NAMED_PIPE, extension=ASPX,
        sentence="Every request forwarded to the ISAPI DLL is routed to this process via a "
        "named pipe call.",
    ),
    claims.avoids(
        "In IIS6, inetinfo.exe no longer hosts the ISAPI extension.",
        IIS6, "inetinfo", APP1,
        sentence="IIS no longer directly hosts external executable code like ISAPI extensions.",
    ),
    claims.isolated(
        "In IIS6, each application can run in its own application pool process.",
        IIS6, APP1, APP2, "GET /index.html",
        sentence="Application pools can be configured on each virtual path or on the entire "
        "Web site, allowing you to isolate each Web application into its own process so that "
        "each application will be connected to other Web applications running on the same "
        "machine.",
    ),
    claims.survives_crash(
        "In IIS6, a crash of one application pool leaves the others serving.",
        IIS6, "AppPool1",
        sentence="If one process crashes, it won't affect other processes (at least from a "
        "web processing point of view).",
    ),
    claims.restarted_after_crash(
        "In IIS6, health monitoring restarts a crashed application pool.",
        IIS6, "AppPool1", APP1,
        sentence="IIS6 provides a series of system status checks, restarts and timeout "
        "options, which can be easily used to check and even correct program problems in "
        "many cases.",
    ),
    claims.crosses(
        "In IIS6, HTTP.SYS hands every request to an application pool through a kernel queue.",
        IIS6, KERNEL_QUEUE,
        sentence="Received requests are routed directly to the appropriate application pool.",
    ),
    claims.survives_crash(
        "In IIS6, requests keep being served while inetinfo.exe is down.",
        IIS6, "inetinfo",
        sentence="InetInfo is basically just a hypervisor and a configuration server - most of "
        "the interaction actually happens directly between HTTP.SYS and the application pool, "
        "all of which makes IIS6 a more stable and efficient environment than IIS5.",
    ),
    claims.in_process(
        "In IIS6, the ISAPI extension and the .NET runtime communicate in process.",
        IIS6, "AppPool1/aspnet_isapi", "AppPool1/runtime", APP1,
        sentence="The .NET runtime also runs in the same process, so the communication between "
        "the ISAPI extension and the .NET runtime occurs within the process.",
    ),
]
