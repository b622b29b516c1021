(window.opsalignData=window.opsalignData||{})["search-metrics"]={"rows":[["M-01","Order cycle time","hours","M-01.html"],["M-02","Claims handled per day","claims","M-02.html"]]};
