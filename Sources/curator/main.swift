import Foundation
print("curator")
