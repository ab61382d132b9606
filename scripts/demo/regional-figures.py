#!/usr/bin/env python3
"""Generates docs/samples/cakupan-wilayah-2022-2023.csv: the demo's regional coverage figures.

Bali, December 2023, as the articles give it: 1,027,000 active participants = 39.41 % of a workforce
of 2,605,937; formal coverage 59 %, informal 22 %. Solving 0.59 F + 0.22 I = 1,027,000 with
F + I = 2,605,937 gives F = 1,226,200 and I = 1,379,737, so PU = 723,458 (59.00 %) and
BPU = 303,542 (22.00 %). December 2022: 750,000 participants (PU 560,000, BPU 190,000) of a workforce
of 2,560,000 (F 1,190,000, I 1,370,000). March, June and September 2023 lie on the straight line
between them. Each provincial total is split over the nine regencies and cities by the weights
below (largest remainder), so the regencies sum exactly to the province; Denpasar and Badung have
the highest coverage. Jawa Tengah's 35 regencies and cities, December 2022 and 2023, have a lower
coverage for contrast. Desa sadar: per regency in December only (empty in the other months); every
Bali branch office area has at least 2 (Denpasar's area 7 in 2023, Gianyar's 5).
Usage: python3 scripts/demo/regional-figures.py > docs/samples/cakupan-wilayah-2022-2023.csv
"""

# code: (workforce weight, formal share, PU rate, BPU rate) -- only the proportions matter.
BALI = {
    "51.71": (0.20, 0.62, 0.78, 0.36),  # Kota Denpasar
    "51.03": (0.15, 0.58, 0.74, 0.33),  # Badung
    "51.08": (0.15, 0.38, 0.45, 0.16),  # Buleleng
    "51.04": (0.12, 0.48, 0.55, 0.22),  # Gianyar
    "51.02": (0.11, 0.42, 0.50, 0.19),  # Tabanan
    "51.07": (0.10, 0.30, 0.40, 0.13),  # Karangasem
    "51.01": (0.07, 0.36, 0.46, 0.15),  # Jembrana
    "51.06": (0.06, 0.32, 0.42, 0.14),  # Bangli
    "51.05": (0.04, 0.40, 0.50, 0.18),  # Klungkung
}
# Desa sadar in December 2022 and 2023 (Denpasar branch: 51.71, 51.03, 51.02, 51.01, 51.08; Gianyar: 51.04, 51.06, 51.05, 51.07).
BALI_VILLAGES = {
    "2022-12": {"51.71": 1, "51.03": 1, "51.08": 0, "51.02": 0, "51.01": 0, "51.04": 1, "51.07": 1, "51.06": 0, "51.05": 0},
    "2023-12": {"51.71": 2, "51.03": 2, "51.08": 1, "51.02": 1, "51.01": 1, "51.04": 2, "51.07": 1, "51.06": 1, "51.05": 1},
}
# (F, I, PU, BPU, active employers) of the province.
BALI_TOTALS = {
    "2022-12": (1_190_000, 1_370_000, 560_000, 190_000, 22_900),
    "2023-12": (1_226_200, 1_379_737, 723_458, 303_542, 24_600),
}

JATENG_CODES = [f"33.{n:02d}" for n in range(1, 30)] + [f"33.{n}" for n in range(71, 77)]
JATENG_TOTALS = {
    "2022-12": (8_150_000, 11_020_000, 3_020_000, 640_000, 61_400),
    "2023-12": (8_310_000, 11_150_000, 3_410_000, 790_000, 64_800),
}


def apportion(total, weights):
    """Splits total over the weights by the largest remainder: whole numbers that sum exactly to total."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    whole = [int(r) for r in raw]
    rest = total - sum(whole)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - whole[i]), i))
    for i in order[:rest]:
        whole[i] += 1
    return whole


def rows(codes, params, totals, villages):
    f_w = [params[c][0] * params[c][1] for c in codes]
    i_w = [params[c][0] * (1 - params[c][1]) for c in codes]
    pu_w = [f * params[c][2] for f, c in zip(f_w, codes)]
    bpu_w = [i * params[c][3] for i, c in zip(i_w, codes)]
    emp_w = [f * (1.2 if params[c][2] > 0.7 else 1.0) for f, c in zip(f_w, codes)]
    F, I, PU, BPU, E = totals
    cols = [apportion(F, f_w), apportion(I, i_w), apportion(PU, pu_w), apportion(BPU, bpu_w), apportion(E, emp_w)]
    for k, code in enumerate(codes):
        f, i, pu, bpu, e = (col[k] for col in cols)
        assert pu <= f and bpu <= i, code
        v = "" if villages is None else str(villages.get(code, 0))
        yield code, f, i, pu, bpu, e, v


def idn(n):
    """A whole number with id-ID thousands dots, as spreadsheets set to Indonesian write it."""
    return f"{n:,}".replace(",", ".")


def main():
    print("kode_wilayah,periode,pekerja_formal,pekerja_informal,peserta_pu,peserta_bpu,pemberi_kerja_aktif,desa_sadar")
    bali_codes = list(BALI)
    a, b = BALI_TOTALS["2022-12"], BALI_TOTALS["2023-12"]
    periods = {"2022-12": a, "2023-12": b}
    for month in (3, 6, 9):
        t = month / 12
        periods[f"2023-{month:02d}"] = tuple(round(x + (y - x) * t) for x, y in zip(a, b))
    for period in sorted(periods):
        for code, f, i, pu, bpu, e, v in rows(bali_codes, BALI, periods[period], BALI_VILLAGES.get(period)):
            print(f"{code},{period},{idn(f)},{idn(i)},{idn(pu)},{idn(bpu)},{idn(e)},{v}")
    # Jawa Tengah: weights by a spread of sizes, lower coverage; the cities (33.7x) higher.
    jt = {}
    for n, code in enumerate(JATENG_CODES):
        city = code.startswith("33.7")
        weight = 0.6 + (n * 37 % 11) / 10 + (1.5 if code == "33.74" else 0)
        jt[code] = (weight, 0.55 if city else 0.38, 0.55 if city else 0.40, 0.09 if city else 0.06)
    for period in ("2022-12", "2023-12"):
        villages = {c: (1 if k % 3 == 0 else 0) + (1 if period == "2023-12" and k % 4 == 0 else 0) for k, c in enumerate(JATENG_CODES)}
        for code, f, i, pu, bpu, e, v in rows(JATENG_CODES, jt, JATENG_TOTALS[period], villages):
            print(f"{code},{period},{idn(f)},{idn(i)},{idn(pu)},{idn(bpu)},{idn(e)},{v}")


if __name__ == "__main__":
    main()
