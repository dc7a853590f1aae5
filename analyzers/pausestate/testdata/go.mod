module example.com/t

go 1.26.0

require github.com/ndislint/ndislint v0.0.0

require github.com/pkg/errors v0.9.1 // indirect

replace github.com/ndislint/ndislint => ../../..
