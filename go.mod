module github.com/ndislint/ndislint

go 1.26
