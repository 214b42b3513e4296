(self.latihSearchData=self.latihSearchData||{})["search/docs/1.074d46c6"]=[[1,"Pelajaran Kedua","courses/dasar/kedua/index.html",20,"Modul Satu","","Bagian Dua\nKembali ke pertama.\n"]];
