// The portal's charts (docs/decisions/042): every <canvas data-chart="id"> is drawn by Chart.js
// (wwwroot/lib/chart.js) from the JSON data block #chart-data-id that the page wrote beside it
// (Infrastructure/ChartSpec). No inline script: the Content-Security-Policy forbids it. Numbers are
// written as the portal writes them in both languages (id-ID: 1.027, 39,41 %).
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }

    var counts = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
    var decimals = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    var palette = ['#0b6e4f', '#0a58ca', '#b35c00', '#6f42c1', '#b02a37', '#495057'];

    function format(value, unit) {
        if (value === null || value === undefined) {
            return '—';
        }
        if (unit === 'percent') {
            return decimals.format(value) + ' %';
        }
        if (unit === 'points') {
            return (value > 0 ? '+' : value < 0 ? '−' : '') + decimals.format(Math.abs(value));
        }
        return counts.format(value);
    }

    function draw(canvas) {
        var block = document.getElementById('chart-data-' + canvas.getAttribute('data-chart'));
        if (!block) {
            return;
        }
        var spec = JSON.parse(block.textContent);
        var drawn = spec.series.filter(function (s) { return !s.tableOnly; });
        var unit = drawn.length > 0 ? drawn[0].unit : 'count';
        var datasets = drawn.map(function (s, i) {
            var colour = palette[i % palette.length];
            return {
                type: s.asLine ? 'line' : undefined,
                label: s.label,
                data: s.values,
                unit: s.unit,
                borderColor: colour,
                backgroundColor: spec.kind === 'line' || s.asLine ? colour : colour + 'cc',
                borderWidth: 2,
                pointRadius: spec.labels.length > 24 ? 0 : 3,
                spanGaps: true,
            };
        });
        var valueAxis = {
            beginAtZero: true,
            ticks: { callback: function (v) { return format(v, unit === 'points' ? 'points' : unit === 'percent' ? 'percent' : 'count'); } },
        };
        new Chart(canvas, {
            type: spec.kind,
            data: { labels: spec.labels, datasets: datasets },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                indexAxis: spec.horizontal ? 'y' : 'x',
                scales: spec.horizontal ? { x: valueAxis } : { y: valueAxis, x: { ticks: { autoSkip: true, maxRotation: 0 } } },
                plugins: {
                    legend: { display: datasets.length > 1 },
                    tooltip: {
                        callbacks: {
                            label: function (item) {
                                return item.dataset.label + ': ' + format(item.raw, item.dataset.unit);
                            },
                        },
                    },
                },
            },
        });
    }

    document.querySelectorAll('canvas[data-chart]').forEach(draw);
}());
