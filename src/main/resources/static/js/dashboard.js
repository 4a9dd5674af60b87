// Draws the dashboard chart from the data the server put on the canvas: pupils (bars) and schools (line) per territory.
window.addEventListener('load', function () {
  var canvas = document.getElementById('dashboard-chart');
  if (!canvas || !window.Chart) return;
  var data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: 'bar', label: canvas.dataset.pupils, data: data.pupils, backgroundColor: '#00718f', yAxisID: 'y', maxBarThickness: 48 },
        { type: 'line', label: canvas.dataset.schools, data: data.schools, borderColor: '#e0a800',
          backgroundColor: '#e0a800', yAxisID: 'y1' }
      ]
    },
    options: {
      animation: false,
      // the chart fills its box (.chart-box: taller on phones, where the territories' names need the room)
      maintainAspectRatio: false,
      // Kazakh groups digits with a space as Russian does (CLDR); Chromium's trimmed ICU data formats kk as English
      // ("250,000"), so the axis numbers use the Russian format for a Kazakh page.
      locale: (document.documentElement.lang || 'kk') === 'kk' ? 'ru' : document.documentElement.lang,
      scales: {
        y: { beginAtZero: true, position: 'left' },
        y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } },
        x: { ticks: { autoSkip: window.innerWidth < 640, maxRotation: 60, minRotation: 30 } }
      }
    }
  });
});
