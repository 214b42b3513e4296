(self.latihSearchData=self.latihSearchData||{})["search/docs/3.5f312ad5"]="P0Tà^RO#ţʢR3@)ZƑ> =?vLl%Z7^fUgK=Sm<~V?&A3Yw<Y@";
