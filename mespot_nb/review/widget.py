"""The review's ipywidgets front end (:class:`ReviewWidget`) and its keyboard shortcuts'
JavaScript."""

from __future__ import annotations

import html
import json
import uuid

import ipywidgets as w
from IPython.display import Javascript, display

from ..errors import MespotError
from ..methods import method_names
from .candidates import TYPES

#: Keyboard shortcuts of the widget (key → button).
SHORTCUTS = {"a": "accept", "r": "reject", "s": "skip", "u": "undo", "t": "type",
             "j": "onset-minus", "k": "onset-plus", "n": "offset-minus", "m": "offset-plus"}


class ReviewWidget:
    """ipywidgets front end of a :class:`~mespot_nb.review.session.Review`: the current
    candidate's looping clip and flow curve, its score, editable onset/apex/offset/type/note
    (frames 1-based), Accept / Reject / Skip / Undo, Retrain, progress, and keyboard shortcuts
    (:data:`SHORTCUTS`, when the widget has focus).

    Parameters
    ----------
    review : the Review every button acts on (each click is saved at once).
    methods : the learned methods the Retrain menu offers (default: every trainable one).

    Attributes
    ----------
    box : the ipywidgets VBox to display.
    cid : the id of the candidate shown (None when all are reviewed).
    """

    def __init__(self, review, methods: list[str] | None = None):
        self.review = review
        self.cid: str | None = None
        self.uid = f"mespot-review-{uuid.uuid4().hex[:12]}"
        lay = w.Layout
        self.header = w.HTML()
        self.bar = w.IntProgress(min=0, max=1, layout=lay(width="98%"))
        self.clip = w.Image(format="webp", layout=lay(height="180px"))
        self.curve = w.Image(format="png", layout=lay(width="470px"))
        num = dict(layout=lay(width="135px"), style={"description_width": "45px"})
        self.onset = w.BoundedIntText(description="onset", min=1, max=10**9, **num)
        self.apex = w.BoundedIntText(description="apex", min=1, max=10**9, **num)
        self.offset = w.BoundedIntText(description="offset", min=1, max=10**9, **num)
        for name in ("onset", "apex", "offset"):
            getattr(self, name).add_class(f"mespot-{name}")
        self.type = w.ToggleButtons(options=list(TYPES), style={"button_width": "70px"})
        self.type.add_class("mespot-type-toggle")
        self.note = w.Text(placeholder="note, e.g. AU4+AU7", description="note",
                           layout=lay(width="300px"), style={"description_width": "45px"})
        self.note.add_class("mespot-note")
        self.buttons = {}
        for name, desc, style, key in (("accept", "Accept", "success", "a"),
                                       ("reject", "Reject", "danger", "r"),
                                       ("skip", "Skip", "", "s"), ("undo", "Undo", "warning", "u"),
                                       ("type", "micro/macro", "", "t"),
                                       ("onset-minus", "onset −1", "", "j"),
                                       ("onset-plus", "onset +1", "", "k"),
                                       ("offset-minus", "offset −1", "", "n"),
                                       ("offset-plus", "offset +1", "", "m")):
            b = w.Button(description=desc, button_style=style, tooltip=f"key: {key}",
                         layout=lay(width="auto"))
            b.add_class(f"mespot-{name}")
            b.on_click(lambda _b, n=name: self._do(n))
            self.buttons[name] = b
        self.buttons["type"].layout.display = "none"    # the toggle shows the type; key t
        learned = methods or method_names(trainable=True)
        self.method = w.Dropdown(options=learned, value=review.method if review.method in learned
                                 else learned[0], layout=lay(width="130px"))
        self.retrain_b = w.Button(description="Retrain", icon="refresh", layout=lay(width="auto"),
                                  tooltip="train the method on the labelled videos and re-order")
        self.retrain_b.add_class("mespot-retrain")
        self.retrain_b.on_click(lambda _b: self._do("retrain"))
        self.message = w.HTML()
        self.message.add_class("mespot-message")
        keys = " · ".join(f"<b>{k}</b> {v.replace('-minus', ' −1').replace('-plus', ' +1')}"
                          for k, v in SHORTCUTS.items())
        B = self.buttons
        controls = w.VBox([
            w.HBox([self.onset, self.apex, self.offset]),
            w.HBox([B["onset-minus"], B["onset-plus"], B["offset-minus"], B["offset-plus"]]),
            w.HBox([self.type, B["type"]]), self.note,
            w.HBox([B["accept"], B["reject"], B["skip"], B["undo"]]),
            w.HBox([self.method, self.retrain_b]),
            w.HTML(f"<small>keys (click the widget first): {keys}</small>",
                   layout=lay(width="640px"))])
        self.keys = w.Output(layout=lay(height="0px"))
        self.box = w.VBox([self.header, self.bar, w.HBox([self.clip, self.curve]), controls,
                           self.message, self.keys])
        self.box.add_class("mespot-review")
        self.box.add_class(self.uid)
        with self.keys:
            display(Javascript(_KEYS_JS.replace("UID", self.uid)
                               .replace("MAP", json.dumps({k: f"mespot-{v}" for k, v in
                                                           SHORTCUTS.items()}))))
        self.show()

    def _do(self, action: str) -> None:
        r = self.review
        try:
            if action == "accept":
                ev = r.accept(self.cid, self.onset.value, self.apex.value, self.offset.value,
                              self.type.value, self.note.value)
                msg = f"accepted {ev['id']} ({ev['type']}, {ev['onset']}–{ev['offset']})"
            elif action == "reject":
                msg = f"rejected {r.reject(self.cid, self.note.value)['id']}"
            elif action == "skip":
                msg = f"skipped {r.skip(self.cid)['id']} (it comes back after the others)"
            elif action == "undo":
                ev = r.undo()
                msg = "nothing to undo" if ev is None else f"undid: {ev['action']} {ev['id']}"
            elif action == "retrain":
                self._say(f"retraining {self.method.value} on the labelled videos …")
                info = r.retrain(self.method.value)
                by = info.get("by_type")   # a method with one model per type (SOFTNet)
                if by:
                    what = ", ".join(f"{t} model on {d['windows']} windows ({d['positives']} "
                                     "positive)" for t, d in by.items())
                    msg = (f"retrained {info['method']} ({what}) in {info['seconds']:.1f} s; "
                           "candidates re-ordered")
                    msg += "".join(f"; {t} model skipped: {_esc(why)}"
                                   for t, why in info.get("skipped", {}).items())
                else:
                    msg = (f"retrained {info['method']} on {info['windows']} windows "
                           f"({info['positives']} positive) in {info['seconds']:.1f} s; "
                           "candidates re-ordered")
            elif action == "type":
                self.type.value = "macro" if self.type.value == "micro" else "micro"
                return self._redraw_curve()
            else:
                field = self.onset if action.startswith("onset") else self.offset
                field.value = max(1, field.value + (1 if action.endswith("plus") else -1))
                self.apex.value = min(max(self.apex.value, self.onset.value), self.offset.value)
                return self._redraw_curve()
        except MespotError as e:
            return self._say(f"<span style='color:#b00'>{_esc(str(e))}</span>")
        self.cid = None
        self.show()
        self._say(_esc(msg))

    def _say(self, html: str) -> None:
        self.message.value = html

    def _proposed(self) -> dict:
        return dict(onset=self.onset.value, apex=self.apex.value, offset=self.offset.value,
                    type=self.type.value)

    def _redraw_curve(self) -> None:
        self.curve.value = self.review.curve_png(self.cid, self._proposed())

    def show(self) -> None:
        """Show the current candidate (the first of the queue) and the progress."""
        r = self.review
        p = r.progress()
        self.bar.max = max(p["total"], 1)
        self.bar.value = p["reviewed"]
        c = r.current() if self.cid is None else r.candidate(self.cid)
        head = (f"<b>{p['reviewed']} of {p['total']} reviewed</b> ({p['accepted']} accepted, "
                f"{p['rejected']} rejected, {p['skipped']} skipped) · footage to review "
                f"{100 * p['footage_left']:.1f} % of {p['frames']} frames · spared "
                f"{100 * p['spared']:.1f} % · labels: <code>{_esc(str(r.labels))}</code>")
        if c is None:
            self.cid = None
            self.header.value = head + "<br><b>All candidates reviewed.</b>"
            for b in ("accept", "reject", "skip"):
                self.buttons[b].disabled = True
            return
        for b in ("accept", "reject", "skip"):
            self.buttons[b].disabled = False
        self.cid = c["id"]
        pr = c["proposed"]
        mscore = r.state.model_scores.get(c["id"])
        self.header.value = head + (
            f"<br>candidate <b class='mespot-current'>{_esc(c['id'])}</b> "
            f"({c['subject']}/{c['video']}) · spotter score {c['score']:.3f}"
            + (f" · model score {mscore:.3f}" if mscore is not None else "")
            + f" · {c['status']}")
        n = int(r.state.videos[(c["subject"], c["video"])].get("n_frames") or 10**9)
        for f in (self.onset, self.apex, self.offset):
            f.max = n
        self.onset.value, self.offset.value = pr["onset"], pr["offset"]
        self.apex.value = pr["apex"]
        self.type.value = pr["type"] if pr["type"] in TYPES else "micro"
        self.note.value = pr.get("note", "")
        try:
            self.clip.value = r.clip(c["id"])
        except MespotError as e:
            self._say(f"<span style='color:#b00'>{_esc(str(e))}</span>")
        self.curve.value = r.curve_png(c["id"])


def _esc(s: str) -> str:
    return html.escape(s)


#: Keyboard shortcuts: a character key pressed on the widget (not in a text field) clicks the
#: button it names; JupyterLab's own single-key shortcuts never see it.
_KEYS_JS = """
(function () {
  var map = MAP;
  function attach() {
    var root = document.querySelector('.UID');
    if (!root) { return false; }
    if (root.getAttribute('data-mespot-keys')) { return true; }
    root.setAttribute('data-mespot-keys', '1');
    root.tabIndex = 0;
    root.addEventListener('keydown', function (e) {
      var t = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) {
        return;
      }
      if (e.key.length !== 1) { return; }
      e.stopPropagation();          // no notebook shortcut (a, b, d d, …) while reviewing
      var cls = map[e.key];
      var b = cls && root.querySelector('.' + cls);
      if (b) { e.preventDefault(); b.click(); }
    });
    return true;
  }
  if (!attach()) {
    var n = 0, iv = setInterval(function () { if (attach() || ++n > 300) clearInterval(iv); }, 200);
  }
})();
"""

