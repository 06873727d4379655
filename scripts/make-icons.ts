/**
 * Draws the Teams icons into `manifest/`: `color.png` (192×192, white glyph on the accent colour,
 * full bleed) and `outline.png` (32×32, white glyph on a transparent background). The glyph is
 * the favicon's rising trend line on a chart's axes: plans followed up over time.
 *
 * Run with `npx tsx scripts/make-icons.ts`; the output is committed. Shapes are round-capped
 * strokes and discs, rasterized with 8×8 supersampling for anti-aliased edges.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { MANIFEST_DIR } from './teams-manifest';

/** The accent colour (as in `public/favicon.svg` and the manifest's `accentColor`). */
export const ACCENT: readonly [number, number, number] = [0x4f, 0x52, 0xb2];

/** Where the glyph sits: the colour icon's 96×96 safe area, the outline icon's whole frame. */
export const COLOR_GLYPH_BOX = { x: 48, y: 48, size: 96 } as const;
export const OUTLINE_GLYPH_BOX = { x: 3, y: 3, size: 26 } as const;

type Point = readonly [number, number];

/** A glyph shape in unit coordinates (0..1 within the glyph box). */
type Shape =
  | { kind: 'stroke'; from: Point; to: Point; radius: number }
  | { kind: 'disc'; centre: Point; radius: number };

const STROKE = 0.05; // half the stroke width, in glyph units

function polyline(points: readonly Point[], radius: number): Shape[] {
  const shapes: Shape[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (from && to) shapes.push({ kind: 'stroke', from, to, radius });
  }
  return shapes;
}

/** Axes (an L) and a trend line that dips once and ends high, with a dot at its end. */
export const GLYPH: readonly Shape[] = [
  ...polyline(
    [
      [0.08, 0.06],
      [0.08, 0.92],
      [0.94, 0.92],
    ],
    STROKE,
  ),
  ...polyline(
    [
      [0.26, 0.7],
      [0.46, 0.48],
      [0.62, 0.62],
      [0.86, 0.26],
    ],
    STROKE,
  ),
  { kind: 'disc', centre: [0.86, 0.26], radius: 0.1 },
];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inside(shapes: readonly Shape[], p: Point): boolean {
  return shapes.some((shape) =>
    shape.kind === 'stroke'
      ? distanceToSegment(p, shape.from, shape.to) <= shape.radius
      : Math.hypot(p[0] - shape.centre[0], p[1] - shape.centre[1]) <= shape.radius,
  );
}

const SAMPLES = 8;

/**
 * Coverage (0..1) of each pixel of a `width`×`width` image by the glyph placed in `box`
 * (pixel coordinates), row by row.
 */
export function rasterize(
  shapes: readonly Shape[],
  width: number,
  box: { x: number; y: number; size: number },
): Float64Array {
  const coverage = new Float64Array(width * width);
  for (let y = 0; y < width; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const u = (x + (sx + 0.5) / SAMPLES - box.x) / box.size;
          const v = (y + (sy + 0.5) / SAMPLES - box.y) / box.size;
          if (inside(shapes, [u, v])) hits += 1;
        }
      }
      coverage[y * width + x] = hits / (SAMPLES * SAMPLES);
    }
  }
  return coverage;
}

/** 192×192: the accent colour everywhere, the glyph blended in white. */
export function renderColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const coverage = rasterize(GLYPH, size, COLOR_GLYPH_BOX);
  coverage.forEach((a, i) => {
    ACCENT.forEach((channel, c) => {
      png.data[i * 4 + c] = Math.round(channel * (1 - a) + 255 * a);
    });
    png.data[i * 4 + 3] = 255;
  });
  return png;
}

/** 32×32: white everywhere, alpha is the glyph's coverage (0 outside it). */
export function renderOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const coverage = rasterize(GLYPH, size, OUTLINE_GLYPH_BOX);
  coverage.forEach((a, i) => {
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * a);
  });
  return png;
}

function main(): void {
  const icons = { 'color.png': renderColorIcon(), 'outline.png': renderOutlineIcon() };
  for (const [file, png] of Object.entries(icons)) {
    const path = join(MANIFEST_DIR, file);
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
    console.log(`${path} (${png.width}×${png.height})`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main();
