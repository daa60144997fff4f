"""What a press release may contain, for nh3 (Ammonia).

Everything editors need: paragraphs, headings, lists, tables, links, images
with alt text, figures, quotes, emphasis, code, footnotes. Nothing that runs
or restyles: no script, iframe, object, embed, style, form, event-handler
attributes, inline styles, or javascript:/data: URLs.
"""

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "figure", "figcaption", "blockquote", "q", "cite",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "abbr", "code", "pre", "kbd", "span", "div",
}  # fmt: skip

COMMON = {"id", "class", "title", "lang"}
ATTRIBUTES = {
    "*": COMMON,
    "a": COMMON | {"href", "hreflang"},
    "img": COMMON | {"src", "alt", "width", "height", "loading"},
    "th": COMMON | {"colspan", "rowspan", "scope"},
    "td": COMMON | {"colspan", "rowspan"},
    "col": COMMON | {"span"},
    "colgroup": COMMON | {"span"},
    "ol": COMMON | {"start", "reversed", "type"},
    "blockquote": COMMON | {"cite"},
    "q": COMMON | {"cite"},
    "del": COMMON | {"cite", "datetime"},
    "ins": COMMON | {"cite", "datetime"},
    "abbr": COMMON | {"title"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "cite"}
# Removed together with their content, not just unwrapped.
DROP_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "noscript",
    "template", "svg", "math", "form", "textarea", "select",
}  # fmt: skip
