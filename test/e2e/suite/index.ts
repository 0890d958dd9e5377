/** Entry of the extension tests: test-electron loads this inside the VS Code extension host. */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'extension.e2e', mocha);
  // required only now, so that describe/it exist when the test file runs
  require('./extension.e2e');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
