import { describe, expect, it } from 'vitest';
import { isDarkBackground, parseRgb } from './colour';

describe('page colours', () => {
  it('reads computed colours in both syntaxes', () => {
    expect(parseRgb('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(20 20 20 / 50%)')).toEqual({ r: 20, g: 20, b: 20, a: 0.5 });
    expect(parseRgb('transparent')).toBeUndefined();
  });

  it('takes the innermost opaque background: a white government page is light, a dark one dark', () => {
    // Transparent wrappers, then the white article box on a grey body.
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', 'rgb(244, 246, 249)'])).toBe(false);
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'rgb(24, 26, 27)'])).toBe(true);
    // A faint tint over a dark body does not count; the body does.
    expect(isDarkBackground(['rgba(255, 255, 255, 0.1)', 'rgb(18, 18, 18)'])).toBe(true);
    // Nothing painted: the canvas, white.
    expect(isDarkBackground(['rgba(0, 0, 0, 0)'])).toBe(false);
  });
});
