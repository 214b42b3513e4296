import Foundation
import LatihCLI

exit(Latih.run(arguments: Array(CommandLine.arguments.dropFirst())))
