# shellcheck shell=bash
# A realistic BPJamsostek employer file and the branch offices it needs, for scripts/bench/import.sh
# and scripts/cluster-test.sh.

# add_bench_branches PSQL-COMMAND...: the demo offices cover Bali and four regencies of Jawa Tengah.
# One extra branch per province for seven more provinces, and one for the rest of Jawa Tengah, so
# the file spans the country.
add_bench_branches() {
  "$@" <<'SQL'
INSERT INTO regional_offices (name) VALUES ('Kanwil Benchmark');
INSERT INTO branch_offices (name, regional_office_id, province_code, is_active)
SELECT 'Kantor Cabang ' || p.name || ' Raya', r.id, p.code, true
FROM provinces p CROSS JOIN regional_offices r
WHERE r.name = 'Kanwil Benchmark' AND p.code IN ('12', '31', '32', '33', '35', '36', '52', '73');
INSERT INTO branch_office_areas (branch_office_id, regency_code)
SELECT b.id, rc.code
FROM branch_offices b JOIN regencies_and_cities rc ON rc.province_code = b.province_code
WHERE b.name LIKE 'Kantor Cabang % Raya'
  AND NOT EXISTS (SELECT 1 FROM branch_office_areas a WHERE a.regency_code = rc.code);
SQL
}

# generate ROWS FILE [AREAS]: deterministic, realistic rows (size mix, thousands dots, quoted names with a
# comma, both date forms, programme lists with |, commas and spaces). AREAS: regency code,branch
# name per line (default $WORK/areas.csv); NPPs 10000000 upwards.
generate() {
  awk -v rows="$1" -F, '
    BEGIN { srand(2026); n = 0 }
    { code[n] = $1; branch[n] = $2; n++ }
    END {
      split("Maju Jaya Sentosa Abadi Makmur Sejahtera Mandiri Bersama Nusantara Sinar Harapan Karya Utama Prima Cahaya Mulia Agung Lestari Gemilang Bahari", w, " ")
      split("Perdagangan|Industri pengolahan|Konstruksi|Akomodasi dan makan minum|Jasa keuangan|Pertanian|Transportasi|Pendidikan|Kesehatan|Kerajinan", sector, "|")
      split("PT|CV|UD|Koperasi|PT", form, "|")
      split("JKK|JKM|JHT|JP|JKP;JKK|JKM|JHT|JP;JKK, JKM, JHT;JKK JKM;JKK|JKM|JHT", program, ";")
      print "npp,nama,kode_wilayah,kantor_cabang,skala,sektor,jumlah_pekerja,peserta_pu,peserta_bpu,program,tunggakan_bulan,per_tanggal"
      for (i = 0; i < rows; i++) {
        r = rand()
        if (r < 0.05)      { size = "Besar";    workers = 1000 + int(rand() * 20000) }
        else if (r < 0.20) { size = "Menengah"; workers = 100 + int(rand() * 900) }
        else if (r < 0.50) { size = "Kecil";    workers = 20 + int(rand() * 80) }
        else               { size = "Mikro";    workers = 1 + int(rand() * 19) }
        pu = int(workers * (0.4 + rand() * 0.6)); bpu = int((workers - pu) * rand() * 0.5)
        k = int(rand() * n)
        name = form[1 + int(rand() * 5)] " " w[1 + int(rand() * 20)] " " w[1 + int(rand() * 20)] " " (i % 997)
        if (i % 50 == 0) name = "\"" name ", Tbk\""
        date = (i % 3 == 0) ? "31/12/2025" : "2025-12-31"
        arrears = (rand() < 0.9) ? 0 : 1 + int(rand() * 6)
        prog = program[1 + int(rand() * 5)]; if (prog ~ /,/) prog = "\"" prog "\""
        printf "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s\n", 10000000 + i, name, code[k], branch[k], size, sector[1 + int(rand() * 10)], dots(workers), dots(pu), dots(bpu), prog, arrears, date
      }
    }
    function dots(v,   s) { s = sprintf("%d", v); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|\.)/, ".&", s); return s }
  ' "${3:-$WORK/areas.csv}" >"$2"
}
