package value

import "strings"

// isoCurrencies lists the ISO 4217 currency codes in use, so that a word
// after a number is read as a currency only when it is one: "2 Mio",
// "5 Tsd" or "5 FTE" are not amounts in a currency called MIO.
const isoCurrencies = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD " +
	"CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD " +
	"HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD " +
	"MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG " +
	"QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD " +
	"TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL"

// isCurrencyCode reports whether c, in any case, is an ISO 4217 code.
func isCurrencyCode(c string) bool {
	if len(c) != 3 {
		return false
	}
	c = strings.ToUpper(c)
	for i := 0; i+3 <= len(isoCurrencies); i += 4 {
		if isoCurrencies[i:i+3] == c {
			return true
		}
	}
	return false
}
