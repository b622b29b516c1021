// Package config reads a site's opsalign.toml into a Config, filling every
// absent key with its default and rejecting unknown keys, values of the
// wrong type and values out of range with the key and line they stand on.
package config

import (
	"strconv"
	"time"

	"github.com/opsalign/opsalign/generator/model"
)

// Config is a site's configuration (config.md).
type Config struct {
	// Dir is the site folder: the folder that holds the config file. Every
	// relative path below is relative to it.
	Dir string
	// File is the config file's path as given ("" when none was found and
	// defaults apply).
	File string
	// Lines holds the line of File each key is set on, by dotted key
	// ("theme", "brand.logo"); see Pos.
	Lines map[string]int

	Title            string
	DataDir          string
	ContentDir       string
	OutputDir        string
	Theme            string
	AsOf             time.Time // zero: the end of the latest period with actuals
	Currency         string
	DateOrder        string // "DMY" or "MDY"
	DecimalSeparator string // "." or ","
	FiscalYearStart  int    // month 1–12
	TimeZone         string
	Location         *time.Location
	UnsafeHTML       bool
	Brand            Brand
	// BaseURL is the address the site is published at ("" when not
	// set): the board pack prints it where a list continues on the site.
	BaseURL   string
	BoardPack BoardPack
	Policy    model.Policy
	Sources   []Source
}

// Brand is the site's look.
type Brand struct {
	Logo   string // path inside the site folder
	Accent string // CSS colour
}

// BoardPack is the [board_pack] table.
type BoardPack struct {
	// Appendix adds the full exception lists and per-unit tables to the
	// board pack (default off); `opsalign build --appendix` sets it too.
	Appendix bool
}

// Source is an explicit `[[sources]]` entry: it names the table a file or
// sheet holds, where its header row is, and how its columns map to fields.
type Source struct {
	File      string // relative to DataDir
	Sheet     string // "" for CSV, or for the sheets of a workbook whose header row fits Table
	Table     model.Table
	HeaderRow int               // 1-based; 0 means detect
	Columns   map[string]string // spreadsheet header -> field
	Line      int               // line of the entry in the config file
}

// Default returns the configuration an empty opsalign.toml means.
func Default() Config {
	return Config{
		Title:            "Operations & IT alignment",
		DataDir:          "sample-data",
		ContentDir:       "content",
		OutputDir:        "public",
		Theme:            "default",
		Currency:         "USD",
		DateOrder:        "DMY",
		DecimalSeparator: ".",
		FiscalYearStart:  1,
		TimeZone:         "UTC",
		Location:         time.UTC,
		Brand:            Brand{Accent: "#1f4e79"},
		Policy:           model.DefaultPolicy(),
	}
}

// Pos returns where key is set, "file:line", for messages about a value
// that is well-formed but unusable (a theme with no folder). It is the
// file alone when the key is not in it, and "opsalign.toml" when there is
// no file.
func (c Config) Pos(key string) string {
	file := c.File
	if file == "" {
		file = "opsalign.toml"
	}
	if n := c.Lines[key]; n > 0 {
		return file + ":" + strconv.Itoa(n)
	}
	return file
}
