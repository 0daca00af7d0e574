(function(){
document.querySelectorAll('.copy-field button:not([data-bound])').forEach(function(b){
  b.setAttribute('data-bound','1');
  b.addEventListener('click',function(){
    var f=document.getElementById(b.getAttribute('data-for'));f.select();
    var ok=function(){b.textContent=b.getAttribute('data-done');};
    if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(f.value)
      .then(ok,function(){document.execCommand('copy');ok();});}
    else{document.execCommand('copy');ok();}
  });
});})();
