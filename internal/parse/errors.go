package parse

import "errors"

// What a field can get wrong.
var (
	ErrDateFormat     = errors.New("not a date")
	ErrDateImpossible = errors.New("impossible date")
	ErrNumber         = errors.New("not a number")
	ErrNotInteger     = errors.New("not an integer")
	ErrBool           = errors.New("not a boolean")
)
