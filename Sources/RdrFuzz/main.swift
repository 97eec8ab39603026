import Foundation
import RdrFuzzDriver

exit(rdr_fuzz_run_driver(CommandLine.argc, CommandLine.unsafeArgv))
