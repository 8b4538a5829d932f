"""The page's HTML with Streamlit's loading placeholders held still (an ASGI middleware for ``serve.py``).

While an element's code or a component's iframe loads, Streamlit shows a
grey placeholder (``stSkeleton``; ``stAppSkeleton`` before the first script
run answers) that pulses for ever: an opacity animation, so the browser
composites a new frame of the page 60 times a second for as long as it
waits. On a busy server that wait is the map's iframe, for tens of seconds,
in every session at once: 10 concurrent headless sessions spent about 1.6 s
of browser CPU each on it (issue 14; measured by emulating
``prefers-reduced-motion``, under which Streamlit stops the animation). The
placeholders stay, grey and still.

The rule goes into the page's own HTML, not into an element of the script,
so it holds from the first byte: the app skeleton shows before any element
exists, and ``st.html`` is itself code that loads late. Only the page
documents are rewritten (never ``/_stcore``, ``/static``, ``/component`` or
``/media``), and asked for uncompressed so they can be.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Streamlit's placeholders, still (their animation is their only motion)
STILL_CSS = ('<style id="geo-still-placeholders">[data-testid="stSkeleton"],[data-testid="stSkeletonElement"],'
             '[data-testid="stAppSkeleton"],[data-testid="stAppSkeleton"] *{animation:none!important}</style>')
#: the routes that never serve the page document
NOT_PAGES = ("_stcore", "static", "component", "media", "app")


def is_page_path(path: str) -> bool:
    """Whether a request path may be answered with the page document (``/``, ``/Archive``, ``/base/``)."""
    parts = [p for p in path.split("/") if p]
    return not any(p in NOT_PAGES for p in parts) and not (parts and "." in parts[-1])


def with_still_placeholders(document: bytes) -> bytes:
    """The page document with :data:`STILL_CSS` at the end of its head (unchanged if it has none)."""
    if b"geo-still-placeholders" in document:
        return document
    head_end = document.find(b"</head>")
    if head_end < 0:
        return document
    return document[:head_end] + STILL_CSS.encode() + document[head_end:]


class StillPlaceholders:
    """ASGI middleware: the page document carries :data:`STILL_CSS`; every other response passes as it is."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or not is_page_path(scope.get("path", "/")):
            await self.app(scope, receive, send)
            return
        scope = dict(scope, headers=[(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"])
        start: Message | None = None
        body: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", []))
                if not headers.get(b"content-type", b"").startswith(b"text/html") \
                        or b"content-encoding" in headers:
                    await send(message)
                    return
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            document = with_still_placeholders(b"".join(body))
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            await send({**start, "headers": [*headers, (b"content-length", str(len(document)).encode())]})
            await send({"type": "http.response.body", "body": document})

        await self.app(scope, receive, rewrite)
