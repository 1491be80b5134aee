import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { goldenFiles } from '../scripts/out-files';

const dir = join(__dirname, '..', 'out');

describe('out/ golden templates', () => {
  const files = goldenFiles();

  it('holds exactly one YAML and one JSON file per pattern output', () => {
    expect(readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f)).sort()).toEqual(files.map((f) => f.name).sort());
  });

  it.each(files.map((f) => [f.name, f.content]))('%s is current (refresh with npm run out:refresh)', (name, content) => {
    expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
  });
});
