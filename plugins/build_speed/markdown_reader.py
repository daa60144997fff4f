"""Pelican's Markdown reader builds a new ``Markdown`` object (and loads every
extension) for each file; this one keeps two per reader and resets them."""

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import pelican_open


class ReusingMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._body = None  # converts documents (with the meta extension)
        self._fields = None  # converts formatted metadata such as Summary
        # Converted ahead of time by parallel_markdown:
        # {path: (html, raw metadata, {formatted field: html})}.
        self.prefetched: dict[str, tuple[str, dict, dict]] = {}

    def _converters(self):
        if self._body is None:
            self._body = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
            self._fields.preprocessors.deregister("meta")
        return self._body, self._fields

    def _parse_metadata(self, meta, formatted=None):
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, values in meta.items():
            name = name.lower()
            if name in formatted_fields:
                if formatted and name in formatted:
                    rendered = formatted[name]
                else:
                    self._fields.reset()
                    rendered = self._fields.convert("\n".join(values))
                output[name] = self.process_metadata(name, rendered)
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                # Repeated single-value fields: the first wins, as in Pelican
                # (editorial reports the repetition to the editor).
                output[name] = self.process_metadata(name, values[0])
            elif len(values) > 1:
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        return output

    def read(self, source_path):
        self._source_path = source_path
        body, _ = self._converters()
        if source_path in self.prefetched:
            content, meta, formatted = self.prefetched.pop(source_path)
            return content, self._parse_metadata(meta, formatted)
        body.reset()
        with pelican_open(source_path) as text:
            content = body.convert(text)
        metadata = self._parse_metadata(getattr(body, "Meta", {}))
        return content, metadata
