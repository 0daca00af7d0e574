"""The app's own HTTP layer: stateless routes and headers mounted through ``st.App``.

One module per concern, each with pure builders (testable without a server); the
Starlette glue lives in ``web/routes.py`` and the entry point in ``serve.py``.
"""
