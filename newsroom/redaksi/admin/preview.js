// The preview pane of a release, shaped like the site's article page and
// styled by the site's own stylesheet (site.css, theme/static/css/style.css):
// title, the date in Indonesian with WITA, regencies, the featured image with
// its alternative text, the body. The devserver (make devserver) shows the
// real page.
(function () {
  "use strict";
  const h = window.h;

  function indonesianDate(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value || "");
    if (!match) return value || "";
    const [, year, month, day, hour, minute] = match;
    const date = new Date(Date.UTC(+year, +month - 1, +day));
    const text = new Intl.DateTimeFormat("id-ID", {
      weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
    }).format(date);
    return hour ? `${text}, ${hour}.${minute} WITA` : text;
  }

  const ReleasePreview = window.createClass({
    render() {
      const { entry, getAsset, widgetFor } = this.props;
      const data = entry.get("data");
      const regencies = (data.get("regencies") || []).toJS
        ? data.get("regencies").toJS()
        : data.get("regencies") || [];
      const image = data.get("image");
      const status = data.get("status");
      return h(
        "article",
        { className: "release" },
        status === "draft" ? h("p", { className: "draft-mark" }, "DRAF") : null,
        h("h1", {}, data.get("title") || ""),
        h(
          "p",
          { className: "meta" },
          h("time", {}, indonesianDate(data.get("date"))),
          data.get("author") ? ` · ${data.get("author")}` : null
        ),
        regencies.length
          ? h("ul", { className: "regencies" }, regencies.map((name) => h("li", { key: name }, name)))
          : null,
        image
          ? h(
              "figure",
              {},
              h("img", { src: getAsset(image).toString(), alt: data.get("image_alt") || "" }),
              data.get("image_caption") ? h("figcaption", {}, data.get("image_caption")) : null
            )
          : null,
        h("div", { className: "body" }, widgetFor("body"))
      );
    },
  });

  window.WartaPreview = {
    register(CMS) {
      CMS.registerPreviewStyle("site.css");
      CMS.registerPreviewTemplate("rilis", ReleasePreview);
    },
  };
})();
