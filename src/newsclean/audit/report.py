"""A run as one static HTML page (``newsclean report OUT_DIR``): per article, the text with each
removal in its place, highlighted and labelled by cleaner and reason; filters by cleaner and by
reject kind; totals per cleaner. No server, no network, nothing external: the styles and the
script are inline, the records are an embedded JSON document the script renders a page at a time
(``PAGE`` articles), so a run of a thousand articles stays a few megabytes and opens at once.

Removals are placed as ``newsclean explain`` places them (:func:`newsclean.audit.explain.layout`),
in the input as read again when the input is a plain-text file still there; otherwise they are
shown after the text, under "removed elsewhere".
"""

# ruff: noqa: E501 - the inline script and styles are kept one statement group a line
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from newsclean.audit.explain import layout
from newsclean.audit.stats import RunStats
from newsclean.records import Article, Removal

__all__ = ["build_report"]

_STYLE = """body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60em;padding:1em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}.article{border-top:2px solid #444;margin:1em 0}
.removed{text-decoration:line-through;opacity:.8}.label{font-size:80%;font-weight:bold;margin-left:.5em}
.controls{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc}
p{white-space:pre-wrap}"""

_SCRIPT = """(function(){
var data=JSON.parse(document.getElementById('records').textContent);var PAGE=%d;var page=0;
var colours=['#fdd','#dfd','#ddf','#ffd','#fdf','#dff','#fed','#edf'];
function colour(c){return colours[data.cleaners.indexOf(c)%%colours.length];}
function el(tag,text,cls){var e=document.createElement(tag);if(text)e.textContent=text;if(cls)e.className=cls;return e;}
function removal(r){var p=el('p','','removal');p.style.background=colour(r[0]);p.setAttribute('data-cleaner',r[0]);
p.appendChild(el('span',r[2],'removed'));p.appendChild(el('span',r[0]+': '+r[1],'label'));return p;}
function shown(){var c=document.getElementById('cleaner').value,k=document.getElementById('kind').value;
if(k)return data.rejects.filter(function(r){return k==='*'||r.error===k;});
return data.articles.filter(function(a){return !c||a.blocks.concat(a.elsewhere).some(function(b){return typeof b!=='string'&&b[0]===c;});});}
function render(){var list=shown(),box=document.getElementById('list');box.textContent='';
var pages=Math.max(1,Math.ceil(list.length/PAGE));page=Math.min(page,pages-1);
document.getElementById('where').textContent='page '+(page+1)+' of '+pages+' ('+list.length+' shown)';
list.slice(page*PAGE,(page+1)*PAGE).forEach(function(a){var d=el('div','','article');
if(a.error!==undefined){d.appendChild(el('h3','reject: '+a.error));d.appendChild(el('p',a.input+': '+a.message));box.appendChild(d);return;}
d.appendChild(el('h3',a.title||'(no title)'));d.appendChild(el('div',a.input+' · '+a.id+' · '+a.language,'label'));
a.blocks.forEach(function(b){d.appendChild(typeof b==='string'?el('p',b):removal(b));});
if(a.elsewhere.length){d.appendChild(el('h4','removed elsewhere'));a.elsewhere.forEach(function(b){d.appendChild(removal(b));});}
box.appendChild(d);});}
['cleaner','kind'].forEach(function(id){document.getElementById(id).addEventListener('change',function(){page=0;render();});});
document.getElementById('prev').addEventListener('click',function(){page=Math.max(0,page-1);render();});
document.getElementById('next').addEventListener('click',function(){page+=1;render();});
render();})();"""

#: Articles drawn at a time: a page scrolls comfortably, and drawing it is instant.
PAGE = 50


def _removal(r: Removal | dict[str, str]) -> list[str]:
    if isinstance(r, Removal):
        return [r.cleaner, r.reason, r.text]
    return [r["cleaner"], r["reason"], r["text"]]


def _article(record: dict[str, Any]) -> dict[str, Any]:
    metadata = record["metadata"]
    removed = [Removal(**r) for r in metadata.get("removed") or ()]
    article = Article(record["id"], record["text"], removed=removed)
    source = Path(str(metadata.get("input") or ""))
    original = ""
    if source.suffix == ".txt" and source.is_file():
        original = source.read_text(encoding="utf-8", errors="replace")
    blocks, elsewhere = layout(article, original)
    return {
        "id": record["id"],
        "title": metadata.get("title"),
        "input": metadata.get("input"),
        "language": metadata.get("language"),
        "blocks": [b if isinstance(b, str) else _removal(b) for b in blocks],
        "elsewhere": [_removal(r) for r in elsewhere],
    }


def _records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def build_report(out_dir: Path) -> str:
    """The report of the run published in ``out_dir``, as one HTML document."""
    articles = _records(out_dir / "articles.jsonl")
    rejects = _records(out_dir / "rejects.jsonl")
    stats = RunStats()
    for record in articles:
        stats.add(record)
    for record in rejects:
        stats.add(record, reject=True)
    totals = stats.to_dict()
    cleaners = sorted(totals["cleaners"])
    data = {
        "cleaners": cleaners,
        "articles": [_article(r) for r in articles],
        "rejects": [
            {"input": r.get("input"), "error": r.get("error"), "message": r.get("message")}
            for r in rejects
        ],
    }
    embedded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    e = html.escape
    rows = "".join(
        f'<tr data-cleaner="{e(n)}"><td>{e(n)}</td><td>{c["removals"]}</td>'
        f"<td>{c['words_removed']}</td><td>{c['fixes']}</td></tr>"
        for n, c in totals["cleaners"].items()
    )
    options = "".join(f'<option value="{e(n)}">{e(n)}</option>' for n in cleaners)
    kinds = "".join(
        f'<option value="{e(k)}">{e(k)} ({n})</option>'
        for k, n in totals["rejects_by_kind"].items()
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsclean report: {e(str(out_dir))}</title>
<style>{_STYLE}</style></head><body>
<h1>newsclean report</h1>
<p id="summary">{totals["articles"]} articles ({totals["words"]} words), {totals["rejects"]} rejects,
from <code>{e(str(out_dir))}</code></p>
<table id="totals"><thead><tr><th>cleaner</th><th>removals</th><th>words removed</th><th>fixes</th>
</tr></thead><tbody>{rows}</tbody></table>
<div class="controls"><label>cleaner <select id="cleaner"><option value="">all articles</option>
{options}</select></label> <label>rejects <select id="kind"><option value="">none</option>
<option value="*">all kinds</option>{kinds}</select></label>
<button id="prev" type="button">previous</button> <span id="where"></span>
<button id="next" type="button">next</button></div>
<div id="list"></div>
<script type="application/json" id="records">{embedded}</script>
<script>{_SCRIPT % PAGE}</script>
</body></html>
"""
