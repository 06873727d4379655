/**
 * Known XSS payloads in the styles of OWASP's XSS filter evasion cheat sheet: script tags, event
 * handlers, javascript: URLs (plain, encoded, obfuscated with whitespace and entities), SVG and
 * MathML, style, iframes and other embedders, mutation XSS. Each one, if it ran, would call
 * `window.__xss(N)`; each carries readable text that must survive sanitizing.
 */
const hit = (n: number) => `window.__xss(${n})`;
const enc = (s: string) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('');
const hex = (s: string) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');

const templates: Array<(n: number) => string> = [
  (n) => `<script>${hit(n)}</script>`,
  (n) => `<SCRIPT SRC="data:text/javascript,${hit(n)}"></SCRIPT>`,
  (n) => `<scr<script>ipt>${hit(n)}</scr</script>ipt>`,
  (n) => `<img src=x onerror="${hit(n)}">`,
  (n) => `<IMG SRC=x ONERROR=${hit(n)}>`,
  (n) => `<img src=x onerror=${enc(hit(n))}>`,
  (n) => `<img src="javascript:${hit(n)}">`,
  (n) => `<svg onload="${hit(n)}"></svg>`,
  (n) => `<svg><script>${hit(n)}</script></svg>`,
  (n) => `<svg><a xlink:href="javascript:${hit(n)}"><text x="0" y="20">svg-länk</text></a></svg>`,
  (n) => `<svg><animate onbegin="${hit(n)}" attributeName="x" dur="1s"></animate></svg>`,
  (n) =>
    `<math><mtext><table><mglyph><style><img src=x onerror="${hit(n)}"></style></mglyph></table></mtext></math>`,
  (n) => `<a href="javascript:${hit(n)}">länk</a>`,
  (n) => `<a href="JaVaScRiPt:${hit(n)}">länk</a>`,
  (n) => `<a href="${enc('javascript:')}${hit(n)}">länk</a>`,
  (n) => `<a href="${hex('javascript:')}${hit(n)}">länk</a>`,
  (n) => `<a href="jav&#x09;ascript:${hit(n)}">länk</a>`,
  (n) => `<a href=" &#14; javascript:${hit(n)}">länk</a>`,
  (n) => `<a href="data:text/html,<script>${hit(n)}</script>">länk</a>`,
  (n) => `<a href="vbscript:${hit(n)}">länk</a>`,
  (n) => `<a href="https://example.org" onclick="${hit(n)}" onmouseover="${hit(n)}">länk</a>`,
  (n) => `<iframe src="javascript:${hit(n)}"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.${hit(n)}</script>"></iframe>`,
  (n) => `<object data="javascript:${hit(n)}"></object>`,
  (n) => `<embed src="javascript:${hit(n)}">`,
  (n) => `<form action="javascript:${hit(n)}"><button>skicka</button></form>`,
  (n) => `<input autofocus onfocus="${hit(n)}">`,
  (n) => `<details open ontoggle="${hit(n)}"><summary>x</summary></details>`,
  (n) => `<body onload="${hit(n)}">`,
  (n) => `<video><source onerror="${hit(n)}"></video>`,
  (n) => `<audio src=x onerror="${hit(n)}"></audio>`,
  (n) => `<marquee onstart="${hit(n)}">m</marquee>`,
  (n) => `<div style="background-image:url(javascript:${hit(n)})">stil</div>`,
  (n) => `<style>@import 'javascript:${hit(n)}';</style>`,
  () => `<style>body{display:none}</style>`,
  () => `<p style="position:fixed;inset:0;background:red">överlägg</p>`,
  (n) => `<base href="javascript:${hit(n)}//">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:${hit(n)}">`,
  (n) => `<link rel="stylesheet" href="javascript:${hit(n)}">`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=${hit(n)}>"></noscript>`,
  (n) => `<template><img src=x onerror="${hit(n)}"></template>`,
  (n) => `<p>"><img src=x onerror=${hit(n)}></p>`,
  (n) => `<table background="javascript:${hit(n)}"><tr><td>cell</td></tr></table>`,
  (n) =>
    `<object type="text/x-scriptlet" data="data:text/html,<script>${hit(n)}</script>"></object>`,
  (n) => `<isindex type=image src=1 onerror=${hit(n)}>`,
  (n) => `<div onpointerenter="${hit(n)}" onfocusin="${hit(n)}" tabindex="0">fokus</div>`,
  (n) => `<x onclick="${hit(n)}">anpassad tagg</x>`,
  (n) => `<p><a href="https://example.org"><img src=x onerror=${hit(n)}></a></p>`,
  (n) => `<svg><foreignObject><iframe src="javascript:${hit(n)}"></iframe></foreignObject></svg>`,
  (n) => `<img src=x:x onerror=eval(atob('${btoa(hit(n))}'))>`,
  (n) => `<xmp><img src=x onerror="${hit(n)}"></xmp>`,
  (n) => `<select><option><style></option></select><img src=x onerror="${hit(n)}"></style>`,
  (n) =>
    `<a href="mailto:x@example.org" target="_self" rel="opener">e-post</a><img src onerror=${hit(n)}>`,
  (n) =>
    `<img src="x" onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${hit(n)}">`,
];

export interface Payload {
  readonly n: number;
  readonly readable: string;
  readonly html: string;
}

/** Every payload wrapped with a readable sentence that must stay visible. */
export const PAYLOADS: readonly Payload[] = templates.map((template, i) => {
  const n = i + 1;
  const readable = `Läsbar text ${n}.`;
  return { n, readable, html: `<p>${readable}</p>${template(n)}` };
});
