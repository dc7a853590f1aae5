package uses // want package:"analysed\\(imports ndis\\)"

// The package uses imports the runtime.

import "github.com/ndislint/ndislint/ndis"

// Status is a status.
var Status = ndis.StatusSuccess
