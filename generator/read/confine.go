package read

import (
	"errors"
	"os"

	"github.com/opsalign/opsalign/generator/config"
	"github.com/opsalign/opsalign/generator/model"
	"github.com/opsalign/opsalign/generator/sitefs"
)

// openData opens the file rel (slash-separated, relative to the data
// folder) so that no symbolic link leads out of the data folder, nor the
// data folder out of the site folder when it lies inside it (sitefs). The
// error names the file as messages do (file).
func openData(cfg config.Config, file, rel string) (*os.File, error) {
	f, err := sitefs.Open(cfg.Dir, cfg.DataDir).OpenFile(rel)
	if err == nil {
		return f, nil
	}
	var le *sitefs.LinkError
	if errors.As(err, &le) && le.Link == file {
		return nil, &model.FileError{File: file, Err: errors.New(le.Reason())}
	}
	return nil, &model.FileError{File: file, Err: err}
}

// checkDataFolder refuses a data folder inside the site folder that is,
// or lies under, a link leading out of it.
func checkDataFolder(cfg config.Config) error {
	_, err := sitefs.Open(cfg.Dir, cfg.DataDir).Stat(".")
	var le *sitefs.LinkError
	if errors.As(err, &le) {
		return &model.FileError{File: le.Link, Err: errors.New(le.Reason())}
	}
	return nil
}
