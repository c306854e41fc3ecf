import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** What fails a journey: axe-core's critical and serious findings. Moderate and minor ones are printed, not failed. */
const FAILING = new Set(['critical', 'serious']);
/** With `enhancedContrast`, any finding of the AAA contrast rule fails (axe rates it serious, but says so explicitly). */
const ENHANCED = 'color-contrast-enhanced';

/**
 * Runs axe-core (WCAG 2 A/AA rules and axe's best practices) on what the page shows now and throws on any critical or
 * serious violation, naming the rule, the page and the elements. Taro's H5 keeps the pages below in the DOM, hidden:
 * axe leaves hidden elements out.
 */
export async function expectAccessible(page: Page, name: string, options: { enhancedContrast?: boolean } = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = (await page.evaluate(async (enhanced) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    // 长辈模式 promises text at ≥ 7:1: WCAG's AAA contrast rule, off by default, is switched on for it
    const result = await axe.run(document, { resultTypes: ['violations'], ...(enhanced ? { rules: { 'color-contrast-enhanced': { enabled: true } } } : {}) });
    return result.violations;
  }, options.enhancedContrast === true)) as AxeViolation[];
  const failing = violations.filter((v) => FAILING.has(v.impact ?? '') || (options.enhancedContrast && v.id === ENHANCED));
  if (failing.length > 0) {
    const lines = failing.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}`).join('\n')}`);
    throw new Error(`axe found ${failing.length} serious or critical problem(s) on ${name}:\n${lines.join('\n')}`);
  }
  return violations;
}
