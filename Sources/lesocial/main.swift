import Foundation
import Portal

exit(CommandLineTool.run(CommandLine.arguments))
