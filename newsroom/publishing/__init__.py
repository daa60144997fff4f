"""Publishing the site safely: ``python -m newsroom.publish`` (newsroom/publish.py).

One module per concern: ``messages`` (what an operator reads, in Indonesian),
``folders`` (which OUTPUTDIR is acceptable, and the marker saying which kind
of build made a folder), ``source`` (INPUTDIR, WARTA_SITEURL, releases),
``lock`` (one publish at a time per OUTPUTDIR), ``siblings`` (the previous
site kept as ``OUTPUTDIR.lama``, leftovers of killed runs) and ``compare``
(is a new build the same as the live one).
"""
