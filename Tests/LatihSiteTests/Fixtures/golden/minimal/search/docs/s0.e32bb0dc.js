(function(d){
d["search/docs/0.e32bb0dc"]=[[0,"Kursus \u003cDasar\u003e \u0026 \"Uji\"","courses/dasar/index.html",110,"","Ringkasan dengan \u003cscript\u003ealert(1)\u003c/script\u003e yang harus di-escape.","Pengantar kursus.\n"],[1,"Pelajaran Kedua","courses/dasar/kedua/index.html",20,"Kursus \u003cDasar\u003e \u0026 \"Uji\" › Modul Satu","","Bagian Dua\nKembali ke pertama.\n"]];
d["search/docs/1.e32bb0dc"]=[[1,"Pelajaran Pertama","courses/dasar/pertama/index.html",90,"Kursus \u003cDasar\u003e \u0026 \"Uji\"","","Bagian Satu\nKe kedua, modul, gambar dan luar.\nDiagram uji\n"],[2,"Jalur Uji","paths/jalur/index.html",0,"","Satu kursus.",""]];
d["search/docs/2.e32bb0dc"]=[[3,"Tentang","tentang/index.html",0,"","","Halaman tentang.\n"]];
})(self.latihSearchData=self.latihSearchData||{});
