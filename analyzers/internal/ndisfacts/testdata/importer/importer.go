package importer // want package:"analysed\\(imports example.com/t/contract\\)"

// The package importer uses only a package that is analysed.

import "example.com/t/contract"

// Run calls the helper.
func Run() { contract.Settle() }
