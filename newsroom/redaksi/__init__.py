"""``make redaksi``: the browser admin (Decap CMS) and its local server.

One process on loopback serves the admin page and implements Decap's proxy
API over the content folder: ``paths`` decides what may be read or written,
``store`` reads and writes atomically, ``api`` answers Decap's actions,
``verdict`` runs the build's editorial checks on what was saved, ``commit``
records exactly the files written, ``server`` guards the HTTP side.
"""
