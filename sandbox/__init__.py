"""Untrusted work in bounded child processes, beside the pure data of ``geo``.

- ``process``: run one function in a child forked from a ``multiprocessing`` forkserver,
  with rlimits, a private temporary directory, an empty network namespace and a lower
  priority (the upload reader's and the render pool's children);
- ``gate``: fair turns for those children and one memory budget for the process tree;
- ``lockdown``: GDAL and PROJ closed to everything but the one driver a file needs
  (ctypes into the libgdal pyogrio uses);
- ``reader``: an upload read by ``geo.upload``'s readers in such a child (``read_overlay``);
- ``hostile_corpus``: the hostile files all of this is built to withstand, generated (the
  tests and ``bench/upload.py`` read them; the app never imports it).

It stands on ``geo`` only: no Streamlit, no page (``tests/unit/test_layers.py``). Nothing
here starts at import: the forkserver starts with the first child.
"""
