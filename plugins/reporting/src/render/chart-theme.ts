/** Colours and type shared by the page and its charts, so both read as one document. */
export const palette = [
  '#2563eb',
  '#f59e0b',
  '#10b981',
  '#8b5cf6',
  '#ef4444',
  '#06b6d4',
  '#84cc16',
  '#ec4899',
  '#64748b',
];

/** The palette colour for series or slice `index`, cycling when there are more than colours. */
export const paletteAt = (index: number): string => palette[index % palette.length] ?? '#2563eb';

export const sentimentColors = {
  positive: '#16a34a',
  neutral: '#94a3b8',
  negative: '#dc2626',
  unscored: '#cbd5e1',
};

export const ink = {
  strong: '#0f172a',
  body: '#334155',
  muted: '#64748b',
  faint: '#94a3b8',
  rule: '#e2e8f0',
};

// Single quotes: ECharts writes the family into an SVG style="…" attribute unescaped.
export const fontStack =
  "'Inter', 'Segoe UI', 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** Pixel sizes of the SVG viewBoxes; the page scales them to the column width. */
export const chartSize = { full: { width: 880, height: 280 }, half: { width: 430, height: 260 } };
