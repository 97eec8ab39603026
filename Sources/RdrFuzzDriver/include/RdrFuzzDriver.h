#ifndef RDR_FUZZ_DRIVER_H
#define RDR_FUZZ_DRIVER_H

/// Runs libFuzzer's driver (its command line: -runs=N, corpus folders, a reproducer file) on
/// LLVMFuzzerTestOneInput, which RdrFuzz defines. RdrFuzz's main calls it: SwiftPM gives an
/// executable its own main, so libFuzzer's is not the one that runs.
int rdr_fuzz_run_driver(int argc, char **argv);

#endif
