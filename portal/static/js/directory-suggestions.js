// Suggestions for the directory's search box: names of businesses, offered through the
// input's <datalist>, so the browser shows and announces them. Without JavaScript the search
// form works the same, just without suggestions.
(function () {
  const input = document.querySelector("[data-suggestions-url]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  let last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || text === last) return;
    timer = setTimeout(async function () {
      last = text;
      try {
        const response = await fetch(input.dataset.suggestionsUrl + "?q=" + encodeURIComponent(text));
        if (!response.ok) return;
        const names = await response.json();
        list.replaceChildren(...names.map(function (name) {
          const option = document.createElement("option");
          option.value = name;
          return option;
        }));
      } catch (error) {
        // No suggestions this time; searching still works.
      }
    }, 200);
  });
})();
