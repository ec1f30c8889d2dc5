// DeepSeek keys share the `sk-` start with OpenAI's and with other OpenAI-compatible providers: named
// as DeepSeek's they are DeepSeek's, and an OpenAI key stays OpenAI's whatever it is named.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';
import { HEX, randomChars } from '../random-token.js';

const engine = createEngine({ providers: allProviders });
const rules = (text: string) => engine.scanText(text).findings.map((f) => f.ruleId);

describe('deepseek provider', () => {
  it('reports a key named as DeepSeek\'s once, as DeepSeek\'s', () => {
    expect(rules(`DEEPSEEK_API_KEY=sk-${randomChars(32, HEX)}`)).toEqual(['deepseek-api-key']);
  });

  it('reports a key passed with DeepSeek\'s base URL, the name coming after the key', () => {
    expect(rules(`client = OpenAI(api_key="sk-${randomChars(32, HEX)}", base_url="https://api.deepseek.com/v1")`)).toEqual(['deepseek-api-key']);
  });

  it('leaves OpenAI keys to OpenAI, even named as DeepSeek\'s', () => {
    expect(rules('DEEPSEEK_API_KEY=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')).toEqual(['openai-api-key']);
    const project = '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';
    expect(rules(`client = OpenAI(api_key="${project}", base_url="https://api.deepseek.com")`)).toEqual(['openai-api-key']);
  });

  it('does not claim a key of the same shape passed with another provider\'s base URL', () => {
    const text = `client = OpenAI(api_key="sk-${randomChars(32, HEX)}", base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")  # deepseek-r1`;
    expect(rules(text)).not.toContain('deepseek-api-key');
  });
});
