import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('FAZHI_ALLOWED_ORIGINS: the origins besides the server own that may send writes', () => {
  it('reads a comma-separated list as browsers serialize origins', () => {
    expect(loadConfig({ FAZHI_ALLOWED_ORIGINS: 'https://Fazhi.example.gov.cn, http://10.0.0.5:8080/' }).allowedOrigins).toEqual([
      'https://fazhi.example.gov.cn',
      'http://10.0.0.5:8080',
    ]);
    expect(loadConfig({}).allowedOrigins).toEqual([]);
  });

  it('refuses anything that is not a bare http(s) origin, naming each', () => {
    expect(() => loadConfig({ FAZHI_ALLOWED_ORIGINS: 'https://a.example/path,ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ FAZHI_ALLOWED_ORIGINS: 'https://a.example/path,ftp://x' })).toThrow(/a\.example\/path 不是有效的来源[\s\S]*ftp:\/\/x 不是有效的来源/);
  });
});
