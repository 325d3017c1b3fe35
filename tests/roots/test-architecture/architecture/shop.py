"""A small two-tier model for the Sphinx fixture: a kernel listener and two workers."""

from triglot.architecture import claims
from triglot.architecture.model import IN_PROCESS, KERNEL_QUEUE, Model

SHOP = Model("Shop", kernel_concept="kernel-mode")
listener = SHOP.driver("listener", name="listener.sys")
for app in ("cart", "shelf"):
    worker = SHOP.process(app, name=f"{app}.exe", serves=True)
    runtime = worker.module(f"{app}/runtime", name="runtime", serves=True)
    SHOP.route(worker, runtime, IN_PROCESS, extension=".page")
    SHOP.route(listener, worker, KERNEL_QUEUE, path=f"/{app}")
SHOP.entry(listener).request("GET", "/cart/a.page").request("GET", "/shelf/b.page")

CLAIMS = [
    claims.survives_crash("A crash of the cart leaves the shelf serving.", SHOP, "cart"),
    claims.crosses("Every request crosses a kernel queue.", SHOP, KERNEL_QUEUE),
]
