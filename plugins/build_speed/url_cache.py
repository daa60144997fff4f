"""Remember each release's and page's URL once it is final.

Pelican recomputes ``url`` and ``save_as`` (string formatting over the whole
metadata) on every access, some twenty times per release in our templates.
They depend only on what the content was built from, so each release and
page moves, as it is created, to a subclass that computes both once, on
first use (after its constructor has finished: ``Article`` turns a future
release into a draft after the ``content_object_init`` signal).

The path of its source relative to the content folder, which Pelican
recomputes with ``abspath``/``relpath`` for each URL and for its lookup
table, is remembered the same way (for its own source path only).
"""

import functools

_CACHED_CLASSES: dict[type, type] = {}


def _remembered_relative_source_path(base: type):
    compute = base.get_relative_source_path

    def get_relative_source_path(self, source_path=None):
        if source_path and source_path != self.source_path:
            return compute(self, source_path)
        remembered = self.__dict__.get("_relative_source")
        if remembered is None or remembered[0] != self.source_path:
            remembered = (self.source_path, compute(self))
            self.__dict__["_relative_source"] = remembered
        return remembered[1]

    get_relative_source_path.__doc__ = compute.__doc__
    return get_relative_source_path


def cached_class(cls: type) -> type:
    if cls not in _CACHED_CLASSES:
        _CACHED_CLASSES[cls] = type(
            cls.__name__,
            (cls,),
            {
                "__module__": cls.__module__,
                "__doc__": cls.__doc__,
                "url": functools.cached_property(cls.url.fget),
                "save_as": functools.cached_property(cls.save_as.fget),
                "get_relative_source_path": _remembered_relative_source_path(cls),
            },
        )
    return _CACHED_CLASSES[cls]


def cache_urls(contents) -> None:
    for content in contents:
        cls = type(content)
        if cls not in _CACHED_CLASSES.values():
            content.__class__ = cached_class(cls)
