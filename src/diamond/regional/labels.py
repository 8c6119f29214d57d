"""The map report's words in Turkish and English (TÜİK/SGK usage for the Turkish terms)."""

from __future__ import annotations

from typing import Any

__all__ = ["LABELS", "labels_for"]

LABELS: dict[str, dict[str, Any]] = {
    "tr": {
        "title": "Bölgesel küme haritası",
        "subtitle": "İstihdam istatistiklerinden sektör seçimi: yerelleşme katsayısı (LQ), "
                    "3 yıldız analizi ve değişim-pay analizi",
        "illustrative": "Kaynak tablo",
        "source": "Kaynak tablo", "years": "Dönem", "base": "LQ paydası",
        "base_all": "tüm sektörler (il toplamı satırları; yoksa tablodaki sektörlerin toplamı)",
        "base_table": "yalnızca tablodaki sektörlerin toplamı (belirtilen alt küme)",
        "source_rows": "tablodaki TOTAL satırları", "source_sum": "tablodaki satırların toplamı",
        "source_mixed": "kısmen TOTAL satırları, kısmen satırların toplamı",
        "region_totals": "Bölge toplamları", "national_sectors": "Ülke sektör toplamları",
        "national_total": "Ülke toplamı",
        "method": "Yöntem",
        "method_text": "LQ = (bölgede sektör istihdamı / bölge toplam istihdamı) / (ülkede sektör "
                       "istihdamı / ülke toplam istihdamı). Yıldızlar Avrupa Küme Gözlemevi'nin "
                       "kuralıyla verilir: büyüklük (sektörün bölgeleri arasında istihdamda ilk "
                       "%{size}), uzmanlaşma (LQ ≥ {lq}), odaklanma (sektörün bölge istihdamındaki "
                       "payında ilk %{focus}). Güçlü küme: ABD Küme Haritalama Projesi kuralıyla "
                       "LQ'da ilk %{strong}.",
        "regions": "Bölgeler", "region": "Bölge", "sector": "Sektör",
        "employment": "İstihdam", "share": "İstihdam payı", "lq": "Yerelleşme katsayısı (LQ)",
        "lq_short": "LQ", "lq_change": "LQ değişimi", "growth": "İstihdam artışı",
        "stars": "Yıldız", "strong": "Güçlü küme", "yes": "evet", "no": "hayır",
        "establishments": "İşyeri sayısı", "avg_size": "Ortalama işyeri büyüklüğü",
        "relative_wage": "Göreli ücret",
        "hoover": "Hoover uzmanlaşma katsayısı", "krugman": "Krugman uzmanlaşma endeksi",
        "total": "Toplam istihdam", "sectors": "Sektör sayısı",
        "shortlist": "Aday sektörler", "shortlist_none": "Yıldız alan ya da güçlü küme olan "
                                                        "sektör yok.",
        "top_sectors": "İstihdamı en yüksek sektörler",
        "shift_share": "Değişim-pay analizi", "national": "Ulusal büyüme etkisi",
        "industry_mix": "Sektörel yapı etkisi", "regional_shift": "Bölgesel rekabet etkisi",
        "change": "Toplam değişim", "rank": "Sıra",
        "chart": "Küme balon grafiği",
        "chart_description": "{region}, {to}: yatay eksen LQ, dikey eksen {from}–{to} istihdam "
                             "artışı, balon büyüklüğü istihdam; en büyük {count} sektör.",
        "quadrants": {"star": "Yıldız (güçlü ve büyüyen)", "emerging": "Yükselen",
                      "mature": "Olgun (güçlü, küçülen)", "transforming": "Dönüşen/zayıf"},
        "sort_hint": "Sütun başlığına tıklayarak sıralayın.",
        "full_data": "Tüm rakamlar JSON ve XLSX çıktılarındadır.",
    },
    "en": {
        "title": "Regional cluster map",
        "subtitle": "Choosing sectors from employment statistics: location quotients (LQ), "
                    "three-star analysis and shift-share",
        "illustrative": "Source table",
        "source": "Source table", "years": "Period", "base": "LQ base",
        "base_all": "all industries (the regions' TOTAL rows; else the sum of the table's sectors)",
        "base_table": "only the sum of the sectors in the table (a stated subset)",
        "source_rows": "the table's TOTAL rows", "source_sum": "the sum of the table's rows",
        "source_mixed": "partly TOTAL rows, partly the sum of rows",
        "region_totals": "Regional totals", "national_sectors": "National sector totals",
        "national_total": "National total",
        "method": "Method",
        "method_text": "LQ = (sector employment in the region / total employment in the region) "
                       "/ (sector employment in the country / total employment in the country). "
                       "Stars follow the European Cluster Observatory's rule: size (top {size}% "
                       "of the sector's regions by employment), specialisation (LQ ≥ {lq}), "
                       "focus (top {focus}% by the sector's share of regional employment). "
                       "Strong cluster: the U.S. Cluster Mapping rule, top {strong}% by LQ.",
        "regions": "Regions", "region": "Region", "sector": "Sector",
        "employment": "Employment", "share": "Employment share", "lq": "Location quotient (LQ)",
        "lq_short": "LQ", "lq_change": "LQ change", "growth": "Employment growth",
        "stars": "Stars", "strong": "Strong cluster", "yes": "yes", "no": "no",
        "establishments": "Establishments", "avg_size": "Average establishment size",
        "relative_wage": "Relative wage",
        "hoover": "Hoover coefficient of specialisation", "krugman": "Krugman specialisation index",
        "total": "Total employment", "sectors": "Sectors",
        "shortlist": "Candidate sectors", "shortlist_none": "No sector has a star or is a "
                                                           "strong cluster.",
        "top_sectors": "Largest sectors by employment",
        "shift_share": "Shift-share analysis", "national": "National growth",
        "industry_mix": "Industry mix", "regional_shift": "Regional shift",
        "change": "Total change", "rank": "Rank",
        "chart": "Cluster bubble chart",
        "chart_description": "{region}, {to}: x axis LQ, y axis employment growth {from}–{to}, "
                             "bubble size employment; the {count} largest sectors.",
        "quadrants": {"star": "Star (strong, growing)", "emerging": "Emerging",
                      "mature": "Mature (strong, shrinking)", "transforming": "Transforming/weak"},
        "sort_hint": "Click a column heading to sort.",
        "full_data": "Every figure is in the JSON and XLSX outputs.",
    },
}


def labels_for(lang: str) -> dict[str, Any]:
    """The labels of ``lang`` (``tr`` or ``en``)."""
    return LABELS["en" if lang == "en" else "tr"]
