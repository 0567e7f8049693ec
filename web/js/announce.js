// The screen-reader live region (#announcer).

import { $, h } from "./dom.js";

export function announce(text) {
  // Re-adding a node makes screen readers read it even if the text repeats.
  const region = $("announcer");
  region.append(h("p", { text }));
  while (region.childElementCount > 3) region.firstElementChild.remove();
}
