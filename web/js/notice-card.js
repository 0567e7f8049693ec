// Private cards in the message list (notice frames): only this person sees them. Crisis
// cards carry a heading and list support resources, with phone numbers and URLs as links.

import { $, h } from "./dom.js";
import { afterAdd, insertBeforeEchoes, removeEl } from "./message-list.js";

/** Split a resource contact into text and links: URLs and phone numbers become links. */
export function contactNodes(contact) {
  const text = String(contact || "");
  const nodes = [];
  const re = /(https?:\/\/[^\s<>"']+)|(\+?\d[\d\s().-]{1,18}\d|\b\d{3}\b)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
    if (m[1]) {
      let href = null;
      try { const u = new URL(m[1]); if (u.protocol === "https:" || u.protocol === "http:") href = u.href; } catch { href = null; }
      nodes.push(href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: m[1] }) : document.createTextNode(m[1]));
    } else {
      const digits = m[2].replace(/[^\d+]/g, "");
      nodes.push(h("a", { href: `tel:${digits}`, class: "tel", text: m[2].trim() }));
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** A private card (notice frame): only this person sees it. Crisis cards list resources. */
export function addNotice(notice) {
  const level = ["info", "warning", "crisis"].includes(notice.level) ? notice.level : "info";
  const crisis = level === "crisis";
  const headingId = `notice-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const li = h("li", { class: `notice notice-${level}` });
  const box = h("div", { role: crisis ? "region" : "note", "aria-labelledby": crisis ? headingId : null });
  li.append(box);
  box.append(h("p", { class: "notice-label", text: "Only you can see this" }));
  if (crisis) box.append(h("h2", { class: "notice-title", id: headingId, text: "You don't have to carry this alone" }));
  box.append(h("p", { class: "notice-text", text: notice.text || "" }));
  if (Array.isArray(notice.resources) && notice.resources.length) {
    box.append(h("ul", { class: "resources" },
      ...notice.resources.map((r) => h("li", {},
        h("span", { class: "resource-name", text: r.name || "" }), " ",
        h("span", { class: "resource-contact" }, ...contactNodes(r.contact))))));
  }
  const close = h("button", { type: "button", class: "notice-close", text: crisis ? "Close this card" : "Dismiss" });
  close.addEventListener("click", () => {
    removeEl(li);
    $("composer-text").focus();
  });
  box.append(h("p", { class: "notice-actions" }, close));
  insertBeforeEchoes(li);
  afterAdd(true, 0);
  return li;
}
