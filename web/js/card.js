// Before joining: fetch the room's card (title, topic, agreement, my pseudonym if I have one)
// and show the join screen, or go straight back in when I already have a seat.

import { roomId, fragment, session, store } from "./session.js";
import * as tokens from "./token.js";
import { showJoin } from "./join-screen.js";
import { showError } from "./screens.js";
import { sendJoin } from "./joining.js";

export async function loadCard() {
  let res;
  try {
    res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/card`, {
      headers: { authorization: `Bearer ${session.token}` },
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    showError("Can't reach Hearth", "Check your connection and try again.", () => location.reload());
    return;
  }
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    cardFailed(res.status, body);
    return;
  }
  const card = await res.json();
  store.card = card;
  store.config = { ...store.config, ...card };
  session.stage = "card";
  // Someone who already has a pseudonym here (a reload, a second tab) goes straight back in.
  if (card.name && (card.agreed || !card.agreement) && !session.invite) {
    sendJoin({ name: null, agree: false });
    return;
  }
  showJoin(card, { name: card.name || fragment.name || card.suggested_name });
}

function cardFailed(status, body) {
  if (status === 401) {
    tokens.forget(roomId);
    showError("This link has expired", "Ask the facilitator for a new invite link.");
  } else if (status === 404) {
    showError("Room not found", "This room does not exist any more, or the link is mistyped.");
  } else if (status === 403) {
    showError("Not your room", body.message || "Your link does not give access to this room.");
  } else {
    showError("Something went wrong", `The server answered ${status}.`, () => location.reload());
  }
}
