// Actions on someone's message from its menu: report it to the facilitator (members), or
// remove it for everyone (facilitators).

import { $ } from "./dom.js";
import { roomId } from "./session.js";
import { ask } from "./requests.js";
import { openDialog, confirmDialog } from "./dialogs.js";
import { announce } from "./announce.js";

let reportSeq = null;

export function openReport(seq, li, opener) {
  reportSeq = seq;
  const dlg = $("dlg-report");
  $("report-form").hidden = false;
  $("report-done").hidden = true;
  $("report-error").textContent = "";
  $("report-reason").value = "";
  $("report-send").disabled = false;
  const name = li.querySelector(".msg-name")?.textContent || "";
  $("report-quote").textContent = `${name}: ${li.querySelector(".msg-text")?.textContent || ""}`;
  openDialog(dlg, { opener, focus: $("report-reason") });
}

async function sendReport() {
  if (!reportSeq) return;
  const frame = { type: "report", room: roomId, seq: reportSeq };
  const reason = $("report-reason").value.trim();
  if (reason) frame.reason = reason;
  $("report-send").disabled = true;
  try {
    await ask(frame);
  } catch (err) {
    $("report-error").textContent = err?.message || "The report could not be sent. Please try again.";
    $("report-send").disabled = false;
    return;
  }
  $("report-form").hidden = true;
  $("report-done").hidden = false;
  $("report-done").querySelector("button").focus();
  announce("Thanks — the facilitator will look at it. They won't know it was you.");
}

export function wireReport() {
  $("report-form").addEventListener("submit", (ev) => { ev.preventDefault(); sendReport(); });
}

export async function removeForEveryone(seq, li, opener) {
  const name = li.querySelector(".msg-name")?.textContent || "";
  const yes = await confirmDialog({
    title: "Remove this message?",
    text: `The message from ${name} disappears for everyone and is not kept in the room's history.`,
    action: "Remove", opener,
  });
  if (!yes) return;
  try {
    await ask({ type: "mod", room: roomId, action: "remove", seq });
    announce("Message removed.");
  } catch (err) {
    announce(`Couldn't remove it: ${err?.message || err?.code}`);
  }
}
