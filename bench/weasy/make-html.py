#!/usr/bin/env python3
"""Writes the HTML + CSS that WeasyPrint sets for bench/run, from a broadsheet YAML.

    make-html.py DOC.yaml OUT.html

The page follows layouts/newspaper-a4.yaml as closely as CSS allows: A4,
margins 14/14/15/15 mm, `columns: 2` with a 6 mm gap and a rule, body 9.5 pt
on a 14.2 pt line height, Noto Serif CJK SC (body, bold headlines), Noto Sans CJK SC
(bold banners), LXGW WenKai (captions, bylines); each article starts a page, as in
broadsheet. Photos are linked by absolute file:// URI, so the HTML may live
anywhere. Needs PyYAML (Debian: python3-yaml).
"""

import datetime
import html
import pathlib
import sys

import yaml

RED = "#b41e1e"
CSS = f"""
@page {{
  size: A4;
  margin: 14mm 15mm 14mm 15mm;
  @top-left {{ content: "{{paper}}"; font: 9pt "Noto Sans CJK SC"; color: {RED};
              vertical-align: middle; }}
  @top-center {{ content: "{{edition}}"; font: 8pt "Noto Serif CJK SC"; color: #333;
                vertical-align: middle; }}
  @top-right {{ content: "{{date}}第" counter(page) "版"; font: 8pt "Noto Serif CJK SC";
               color: #333; vertical-align: middle; }}
}}
html {{ font-family: "Noto Serif CJK SC"; font-size: 9.5pt; line-height: 14.2pt; }}
body {{ margin: 0; }}
article + article {{ break-before: page; }}
article {{ border-top: 0.8pt solid {RED}; padding-top: 6pt; }}
.union {{ font: 11pt "LXGW WenKai"; color: {RED}; border-left: 3pt solid {RED};
         padding-left: 5pt; margin: 0 0 6pt 0; }}
.kicker {{ font-size: 12pt; text-align: center; margin: 0; }}
h1 {{ font: bold 24pt/32pt "Noto Serif CJK SC"; letter-spacing: 0.04em; text-align: center;
     margin: 0 0 7pt 0; }}
.subheadline {{ font: 13pt "LXGW WenKai"; text-align: center; margin: 0; }}
.cols {{ columns: 2; column-gap: 6mm; column-rule: 0.5pt solid #999; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
b {{ font-family: "Noto Sans CJK SC"; font-weight: normal; }}
h2 {{ font: bold 11pt/14.2pt "Noto Sans CJK SC"; color: #fff; background: {RED};
     text-align: center; padding: 3.5pt 0; margin: 7.1pt 0; break-after: avoid; }}
figure {{ margin: 7.1pt 0 14.2pt 0; break-inside: avoid; }}
figure img {{ width: 100%; display: block; }}
figcaption {{ font: 8.5pt/12pt "LXGW WenKai"; margin-top: 3pt; }}
.credit {{ color: #555; display: block; }}
.highlights {{ background: #f3e6d8; padding: 5pt; font-size: 8.5pt; line-height: 13pt;
              display: flex; break-inside: avoid; }}
.highlights > div {{ margin-right: 6pt; }}
.highlights .value {{ font: 20pt "Noto Sans CJK SC"; color: {RED}; }}
.byline {{ font-family: "LXGW WenKai"; text-align: right; text-indent: 0; }}
"""

WEEKDAYS = "一二三四五六日"


def esc(text):
    return html.escape(str(text), quote=False)


def css_string(text):
    return str(text).replace("\\", "\\\\").replace('"', '\\"')


def rich(text):
    """`**text**` marks emphasis (set in the heading face)."""
    parts = str(text).split("**")
    return "".join(f"<b>{esc(p)}</b>" if i % 2 else esc(p) for i, p in enumerate(parts))


def date_text(value):
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.year}年{value.month}月{value.day}日 星期{WEEKDAYS[value.weekday()]} "


def lines(heading):
    return heading if isinstance(heading, list) else [heading]


def article_html(a, base):
    out = ["<article>", f'<p class="union">{esc(a["union"])}</p>']
    if "kicker" in a:
        out.append(f'<p class="kicker">{esc(a["kicker"])}</p>')
    out.append(f"<h1>{esc(a['headline'])}</h1>")
    if "subheadline" in a:
        out.append(f'<p class="subheadline">{esc(a["subheadline"])}</p>')
    out.append('<div class="cols">')
    out += [f"<p>{rich(p)}</p>" for p in a.get("lead", [])]
    if a.get("highlights"):
        out.append('<div class="highlights">')
        for h in a["highlights"]:
            out.append(f'<div><span class="value">{esc(h["value"])}</span>{esc(h.get("unit", ""))}'
                       f'<br>{esc(h.get("label", ""))}</div>')
        out.append("</div>")
    for ph in a.get("photos", []):
        uri = (base / ph["src"]).resolve().as_uri()
        credit = f'<span class="credit">{esc(ph["credit"])}</span>' if "credit" in ph else ""
        out.append(f'<figure><img src="{uri}" alt=""><figcaption>■{esc(ph["caption"])}{credit}'
                   "</figcaption></figure>")
    for s in a.get("sections", []):
        out.append(f"<h2>{'<br>'.join(esc(x) for x in lines(s['heading']))}</h2>")
        out += [f"<p>{rich(p)}</p>" for p in s.get("paragraphs", [])]
    if "byline" in a:
        out.append(f'<p class="byline">■{esc(a["byline"])}</p>')
    out += ["</div>", "</article>"]
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-html.py DOC.yaml OUT.html")
    src = pathlib.Path(sys.argv[1])
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    meta = doc.get("meta", {})
    first_page = int(meta.get("page", 1))
    title = meta.get("title", doc["articles"][0]["headline"])
    # The folio lives in the page margin boxes, so its text goes into the CSS.
    css = (CSS.replace("{paper}", css_string(meta.get("paper", "")))
              .replace("{edition}", css_string(meta.get("edition", "")))
              .replace("{date}", css_string(date_text(meta["date"]) if "date" in meta else "")))
    # The page counter starts at meta.page: CSS counts pages from 1.
    counter = f"@page:first {{ counter-reset: page {first_page} }}"
    body = "\n".join(article_html(a, src.parent) for a in doc["articles"])
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{css}{counter}</style></head>\n<body>\n{body}\n</body></html>\n")
    pathlib.Path(sys.argv[2]).write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
