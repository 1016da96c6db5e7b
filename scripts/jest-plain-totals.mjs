// A jest reporter that ends the run with one plain line a script can grep: "N passed, N failed[, N skipped]".
export default class PlainTotals {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suites = results.numFailedTestSuites > 0 ? ` (${results.numFailedTestSuites} suite(s) failed)` : '';
    process.stderr.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}${suites}\n`);
  }
}
