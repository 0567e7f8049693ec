// The rich subset the server allows in agreements and pinned notes (moderation/rich.py),
// rebuilt element by element: nothing here ever assigns HTML.

const RICH_TAGS = new Set(["b", "i", "em", "strong", "p", "br", "ul", "ol", "li", "a"]);

/**
 * Render server-sanitized rich text (or plain text) into `container` without innerHTML:
 * parse in an inert document (no scripts run, nothing loads), then rebuild only allowed
 * elements with createElement and text nodes. Anything else keeps just its text.
 */
export function renderRich(container, markup) {
  const doc = new DOMParser().parseFromString(`<body>${markup || ""}</body>`, "text/html");
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.localName;
        if (tag === "script" || tag === "style" || tag === "template") continue;
        if (!RICH_TAGS.has(tag)) { copy(node, to); continue; }
        const el = document.createElement(tag);
        if (tag === "a") {
          let url = null;
          try { url = new URL(node.getAttribute("href") || "", location.href); } catch { url = null; }
          if (url && (url.protocol === "https:" || url.protocol === "http:")) {
            el.setAttribute("href", url.href);
            el.setAttribute("rel", "nofollow noopener noreferrer");
            el.setAttribute("target", "_blank");
          }
        }
        copy(node, el);
        to.append(el);
      }
    }
  };
  container.replaceChildren();
  copy(doc.body, container);
}
