// The article as a workbench: a click on a mention, or a selection of text,
// goes back to Python as document offsets. The HTML comes from
// geo.panel.article_html, where every piece of article text is escaped.
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector(".geo-article");
  if (!root) {
    root = document.createElement("div");
    root.className = "geo-article";
    parentElement.appendChild(root);
  }
  if (root.dataset.html !== String(data.version)) {
    root.innerHTML = data.html;  // built and escaped in Python
    root.dataset.html = String(data.version);
  }
  function offset(node, within) {
    const el = node.nodeType === 3 ? node.parentElement : node;
    const run = el && el.closest("[data-o]");
    if (!run || !root.contains(run)) { return null; }
    return Number(run.dataset.o) + (node.nodeType === 3 ? within : 0);
  }
  root.onclick = function (event) {
    const mark = event.target.closest("mark[data-start]");
    const selection = window.getSelection();
    if (!mark || (selection && !selection.isCollapsed)) { return; }
    const doc = mark.closest("[data-doc]").dataset.doc;
    setTriggerValue("mention", { doc: doc, start: Number(mark.dataset.start), end: Number(mark.dataset.end) });
  };
  root.onmouseup = function () {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
    const range = selection.getRangeAt(0);
    const start = offset(range.startContainer, range.startOffset);
    const end = offset(range.endContainer, range.endOffset);
    const first = range.startContainer.parentElement && range.startContainer.parentElement.closest("[data-doc]");
    const last = range.endContainer.parentElement && range.endContainer.parentElement.closest("[data-doc]");
    if (start === null || end === null || end <= start || !first || !last ||
        first.dataset.doc !== last.dataset.doc) { return; }
    setTriggerValue("selection", { doc: first.dataset.doc, start: start, end: end });
  };
}
